using FluentValidation;
using Quartz;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Schedule</c> section.</summary>
internal sealed class ScheduleOptionsValidator : AbstractValidator<ScheduleOptions>
{
    /// <summary>Creates the validator.</summary>
    public ScheduleOptionsValidator()
    {
        RuleFor(o => o.Cron).Must(IsCron)
            .WithMessage("is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week), e.g. '0 0 * * * ?'");
        RuleFor(o => o.TimeZone).Must(z => TimeZoneInfo.TryFindSystemTimeZoneById(z, out _)).WithMessage("is not a known time zone, e.g. UTC");
    }

    private static bool IsCron(string text)
    {
        try
        {
            _ = new CronExpression(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
