using Fedmd.KeyLifecycle.Metadata;
using Fedmd.Metadata.Failures;
using Fedmd.TestSupport;

namespace Fedmd.Tests.KeyLifecycle.Metadata;

/// <summary>The rollover's state file and its transitions, without a token.</summary>
public sealed class MetadataRolloverStateTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _directory = new();
    private readonly MetadataSigningKey _current = Key("current");
    private readonly MetadataSigningKey _next = Key("next");

    [Fact]
    public void Each_phase_survives_the_state_file_unchanged()
    {
        var store = MetadataRolloverStore.ForRegistry(_directory.Path);
        var announced = MetadataRolloverState.Announce(_current, _next, Now.AddDays(14), Now);
        var switched = announced.Switch(Now.AddDays(14));
        var finished = switched.Finish(Now.AddDays(15));

        foreach (var state in new[] { announced, switched, finished })
        {
            store.Write(state);
            var read = store.Read()!;
            Assert.Equal(state.Phase, read.Phase);
            Assert.Equal(state.Current.KeyUri, read.Current.KeyUri);
            Assert.Equal(state.Current.Certificate.RawData, read.Current.Certificate.RawData);
            Assert.Equal(state.Next?.Certificate.RawData, read.Next?.Certificate.RawData);
            Assert.Equal(state.Previous?.Certificate.RawData, read.Previous?.Certificate.RawData);
            Assert.Equal((state.SwitchAt, state.AnnouncedAt, state.SwitchedAt, state.FinishedAt), (read.SwitchAt, read.AnnouncedAt, read.SwitchedAt, read.FinishedAt));
        }

        Assert.Equal(Path.Combine(_directory.Path, "rollover", "metadata-signing-key.json"), store.Path);
        Assert.Equal((_next.KeyUri, _current.KeyUri), (switched.Current.KeyUri, switched.Previous!.KeyUri));
    }

    [Fact]
    public void A_state_file_whose_phase_and_keys_disagree_is_refused_naming_the_file()
    {
        var store = MetadataRolloverStore.ForRegistry(_directory.Path);
        store.Write(MetadataRolloverState.Announce(_current, _next, Now.AddDays(14), Now));
        File.WriteAllText(store.Path, File.ReadAllText(store.Path).Replace("\"phase\": \"announced\"", "\"phase\": \"finished\"", StringComparison.Ordinal));

        var refused = Assert.Throws<FedmdException>(store.Read);

        Assert.Equal(FailureKind.Configuration, refused.Kind);
        Assert.StartsWith($"rollover state {store.Path} is unreadable (a finished rollover has a next key only when announced", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finishing_before_the_switch_and_announcing_the_current_key_again_are_refused()
    {
        var announced = MetadataRolloverState.Announce(_current, _next, Now.AddDays(14), Now);

        Assert.Equal(FailureKind.InvalidDocument, Assert.Throws<FedmdException>(() => announced.Finish(Now.AddDays(20))).Kind);
        Assert.Equal(FailureKind.Configuration, Assert.Throws<FedmdException>(() => MetadataRolloverState.Announce(_current, _current with { KeyUri = "pkcs11:token=t;object=copy?module-path=/m.so" }, Now.AddDays(1), Now)).Kind);
        Assert.Equal(MetadataRolloverPhase.Switched, announced.Switch(Now, early: true).Phase);
    }

    public void Dispose() => _directory.Dispose();

    private static MetadataSigningKey Key(string label)
    {
        var (key, certificate) = TestCertificates.CreateRsa($"fedmd {label}");
        key.Dispose();
        return new MetadataSigningKey($"pkcs11:token=t;object={label}?module-path=/usr/lib/softhsm/libsofthsm2.so", certificate);
    }
}
