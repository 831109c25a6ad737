using Fedmd.Aggregator.Ledger;
using Fedmd.Metadata.Failures;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Aggregator.Ledger;

public class LedgerFileTests
{
    private static readonly DateTimeOffset First = new(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void The_file_is_sorted_one_entry_per_line_and_round_trips()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("ledger.json");
        var ledger = RegistrationLedger.Empty.WithFirstSeen(["https://z.example.ac.za", "https://a.example.ac.za"], First);

        File.WriteAllBytes(path, LedgerFile.Serialize(ledger));

        Assert.Equal(
            "{\n  \"https://a.example.ac.za\": \"2020-01-02T03:04:05Z\",\n  \"https://z.example.ac.za\": \"2020-01-02T03:04:05Z\"\n}\n",
            File.ReadAllText(path));
        Assert.Equal(ledger.Entries, LedgerFile.Read(path).Entries);
    }

    [Fact]
    public void First_seen_is_never_reset()
    {
        var ledger = RegistrationLedger.Empty.WithFirstSeen(["https://a.example.ac.za"], First)
            .WithFirstSeen(["https://a.example.ac.za", "https://b.example.ac.za"], First.AddYears(3));

        Assert.Equal(First, ledger.InstantFor("https://a.example.ac.za", DateTimeOffset.UtcNow));
        Assert.Equal(First.AddYears(3), ledger.Entries["https://b.example.ac.za"]);
    }

    [Fact]
    public void A_missing_file_is_an_empty_ledger_and_a_corrupt_one_is_refused()
    {
        using var directory = new TemporaryDirectory();
        Assert.Empty(LedgerFile.Read(directory.Combine("absent.json")).Entries);

        File.WriteAllText(directory.Combine("corrupt.json"), "{ not json");
        var error = Assert.Throws<FedmdException>(() => LedgerFile.Read(directory.Combine("corrupt.json")));
        Assert.Contains("never delete it", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-01-02")]
    [InlineData("1/2/2030")]
    [InlineData("2020-01-02T03:04:05")]
    [InlineData("Thu, 02 Jan 2020 03:04:05 GMT")]
    public void An_instant_that_is_not_a_strict_xs_dateTime_is_refused_naming_the_file_and_the_entity(string instant)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("ledger.json");
        File.WriteAllText(path, $"{{\n  \"https://a.example.ac.za\": \"2020-01-02T03:04:05Z\",\n  \"https://b.example.ac.za\": \"{instant}\"\n}}\n");

        var error = Assert.Throws<FedmdException>(() => LedgerFile.Read(path));

        Assert.Equal(FailureKind.Configuration, error.Kind);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("https://b.example.ac.za", error.Message, StringComparison.Ordinal);
        Assert.Contains(instant, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("https://a.example.ac.za", error.Message, StringComparison.Ordinal);
    }
}
