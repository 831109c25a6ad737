using Fedmd.Metadata.Failures;
using Fedmd.Publisher.Targets;

namespace Fedmd.Tests.Publisher.Targets;

public sealed class IncompletePublicationTests
{
    [Fact]
    public void Every_target_published_is_no_failure()
    {
        IncompletePublication.ThrowIfAnyFailed([TargetOutcome.Published("local /srv/www"), TargetOutcome.Published("mirror a")]);
    }

    [Fact]
    public void A_failed_mirror_is_exit_3_with_one_line_naming_what_went_where()
    {
        var failure = Assert.Throws<FedmdException>(() => IncompletePublication.ThrowIfAnyFailed([
            TargetOutcome.Published("local /srv/www"),
            TargetOutcome.Failed("mirror a", "mirror a: failed after 3 attempts: mirror a: PUT x.xml answered 403 Forbidden"),
            TargetOutcome.Published("mirror b"),
            TargetOutcome.Failed("mirror c", "connection refused"),
        ]));

        Assert.Equal(FailureKind.Infrastructure, failure.Kind);
        Assert.Equal(
            "publication incomplete: local /srv/www: published; mirror a: failed after 3 attempts: mirror a: PUT x.xml answered 403 Forbidden; "
            + "mirror b: published; mirror c: failed: connection refused",
            failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
    }
}
