using Fedmd.Pass.State;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Spine;

public sealed class FileStateStoreTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Taking_the_pass_lock_removes_the_temporaries_a_killed_pass_left_and_nothing_else()
    {
        var state = _directory.Combine("state");
        var ledgerFolder = _directory.Combine("registry-git");
        Directory.CreateDirectory(Path.Combine(state, FileStateStore.SourcesFolder));
        Directory.CreateDirectory(ledgerFolder);
        string[] left =
        [
            Path.Combine(state, ".last-pass.json.0123abcd.fedmd-tmp"),
            Path.Combine(state, FileStateStore.SourcesFolder, ".home.xml.0123abcd.fedmd-tmp"),
            Path.Combine(ledgerFolder, ".ledger.json.0123abcd.fedmd-tmp"),
        ];
        string[] kept =
        [
            Path.Combine(state, "notes.txt"),
            Path.Combine(ledgerFolder, ".other-tool.json.0123abcd.fedmd-tmp"),
            Path.Combine(ledgerFolder, "ledger.json"),
        ];
        foreach (var file in left.Concat(kept))
        {
            File.WriteAllText(file, "x");
        }

        var store = new FileStateStore(state, Path.Combine(ledgerFolder, "ledger.json"), "signing-audit.jsonl");
        using (store.Acquire())
        {
            Assert.All(left, file => Assert.False(File.Exists(file), file));
            Assert.All(kept, file => Assert.True(File.Exists(file), file));
        }
    }

    [Theory]
    [InlineData("2026-12-01T23:37:42.6660000+00:00", true)]
    [InlineData("2026-12-01T23:37:42Z", true)]
    [InlineData("1/2/2030", false)]
    [InlineData("2026-12-01", false)]
    public void The_last_pass_is_read_as_a_strict_xs_date_time(string text, bool read)
    {
        var state = _directory.Combine("state");
        Directory.CreateDirectory(state);
        File.WriteAllText(Path.Combine(state, FileStateStore.LastPassFileName), text);

        var instant = ((ILastPassStore)new FileStateStore(state, null, "signing-audit.jsonl")).Read();

        Assert.Equal(read, instant is not null);
    }
}
