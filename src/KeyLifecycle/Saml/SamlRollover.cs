using System.Security.Cryptography.X509Certificates;
using Fedmd.KeyLifecycle.Audit;
using Fedmd.KeyLifecycle.DualControl;
using Fedmd.Metadata.Files;
using Fedmd.Metadata.Values;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>
/// The rollover of an operated entity's SAML signing certificate: plan (new key and certificate) → stage (the registry
/// carries both certificates) → activate (dual control; once every feed has carried the new one long enough; the hub
/// switches keys) → retire (the old certificate leaves the registry). Every step that changes something is written
/// to the audit log; a refused step changes nothing.
/// </summary>
/// <param name="registry">The registry directory.</param>
/// <param name="maxEntityBytes">The registry's size cap (<c>Registry:MaxEntityBytes</c>).</param>
/// <param name="states">The rollover folder.</param>
/// <param name="published">What the web root's history shows was published.</param>
/// <param name="gate">Dual control.</param>
/// <param name="events">The audit log.</param>
/// <param name="timings">The waits and the certificate lifetime.</param>
/// <param name="clock">The process's clock.</param>
public sealed class SamlRollover(
    string registry, long maxEntityBytes, RolloverStateStore states, PublicationRecord published, IApprovalGate gate, IKeyEventLog events, RolloverTimings timings, TimeProvider clock)
{
    private const string RunPass = "run a pass (fedmd run --once, or let the scheduled service run)";

    /// <summary>Makes the new key and certificate with <paramref name="keys"/> and writes them beside the registry.</summary>
    public StepReport Plan(string entityId, ISamlKeySource keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        const string step = "rollover saml plan";
        if (states.Read(entityId) is { Phase: not RolloverPhase.Retired } current)
        {
            return Refused(step, current, $"a rollover of {entityId} is already {Phase(current.Phase)} (planned {current.PlannedAt:u}); carry it through first", NextOf(current));
        }

        var file = EntityRegistryFile.Find(registry, entityId, maxEntityBytes);
        var signing = file.SigningCertificates();
        if (signing.Count != 1)
        {
            return new StepReport(step, entityId, false, null,
                [$"{file.Path} has {signing.Count} distinct signing certificates; a rollover starts from exactly one (finish or undo the earlier change first)"],
                $"fedmd rollover saml status --entity {entityId}");
        }

        var now = clock.GetUtcNow();
        var key = keys.Create(entityId, now, timings.CertificateLifetime);
        using var certificate = key.Certificate;
        var certificatePath = states.CertificatePath(entityId);
        Directory.CreateDirectory(states.Directory);
        AtomicFileWriter.Write(certificatePath, System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem() + "\n"));
        var fingerprint = Fingerprint(certificate);
        var state = new RolloverState(entityId, RolloverPhase.Planned, signing[0].ToString(), fingerprint.ToString(), certificatePath, key.KeyReference, now);
        states.Write(state);
        events.Record(new KeyEvent("rollover-saml-plan", entityId, [], $"new key {key.KeyReference}, certificate {fingerprint} valid until {certificate.NotAfter.ToUniversalTime():u}, replacing {signing[0]}"));
        return new StepReport(step, entityId, true, state.Phase,
        [
            $"new key: {key.KeyReference}",
            $"new certificate: {certificatePath} ({fingerprint}), valid until {certificate.NotAfter.ToUniversalTime():u}",
            $"replaces: {signing[0]} in {file.Path}",
            $"state: {states.StatePath(entityId)}",
        ], $"fedmd rollover saml stage --entity {entityId}", now, State: state);
    }

    /// <summary>Adds the new certificate to the entity's registry file beside the old one.</summary>
    public StepReport Stage(string entityId)
    {
        const string step = "rollover saml stage";
        if (Expect(step, entityId, RolloverPhase.Planned, out var state) is { } refused)
        {
            return refused;
        }

        var file = EntityRegistryFile.Find(registry, entityId, maxEntityBytes);
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(state.NewCertificateFile);
        if (!Fingerprint(certificate).ToString().Equals(state.NewCertificate, StringComparison.Ordinal))
        {
            return Refused(step, state, $"{state.NewCertificateFile} no longer holds the planned certificate {state.NewCertificate}; restore it", NextOf(state));
        }

        var added = file.AddSigningCertificate(certificate, CertificateFingerprint.Parse(state.OldCertificate));
        if (added == 0)
        {
            return Refused(step, state, $"{file.Path} has no signing KeyDescriptor holding the old certificate {state.OldCertificate} to stage beside", NextOf(state));
        }

        file.Save();
        var now = clock.GetUtcNow();
        state = state with { Phase = RolloverPhase.Staged, StagedAt = now };
        states.Write(state);
        events.Record(new KeyEvent("rollover-saml-stage", entityId, [], $"added {state.NewCertificate} beside {state.OldCertificate} in {Path.GetFileName(file.Path)} ({added} KeyDescriptor)"));
        return new StepReport(step, entityId, true, state.Phase,
        [
            $"added {added} md:KeyDescriptor use=\"signing\" holding {state.NewCertificate} to {file.Path}; the old certificate stays",
        ], $"{RunPass}; then fedmd rollover saml activate --entity {entityId} once the feeds have carried both certificates for {Hours(timings.MinimumOverlap)} or 2 × cacheDuration, whichever is longer",
            now + timings.MinimumOverlap, State: state);
    }

    /// <summary>Switches the hub to the new key, under dual control, once the new certificate has been published long enough.</summary>
    public StepReport Activate(string entityId)
    {
        const string step = "rollover saml activate";
        if (Expect(step, entityId, RolloverPhase.Staged, out var state) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var overlap = Overlap(ref state);
        if (!overlap.AllowsAt(now))
        {
            var why = overlap.Since is { } since
                ? $"the new certificate has been in every published feed carrying {entityId} since {since:u}; activation needs {Hours(overlap.Required)} (max(2 × cacheDuration {Hours(overlap.LongestCacheDuration)}, Rollover:MinimumOverlap {Hours(timings.MinimumOverlap)})), so it is allowed from {overlap.EarliestAllowed:u}"
                : $"the newest publication does not carry the new certificate in every feed carrying {entityId}; {RunPass} first";
            return new StepReport(step, entityId, false, state.Phase, [$"refused: {why}"],
                $"fedmd rollover saml activate --entity {entityId}", overlap.EarliestAllowed, State: state);
        }

        var change = ActivationChange(state);
        var decision = gate.Check(change);
        if (!decision.Granted)
        {
            return new StepReport(step, entityId, false, state.Phase, ["refused: missing approvals", .. decision.Problems],
                $"two operators run: fedmd approve {change}; then fedmd rollover saml activate --entity {entityId}", now, change.Value, state);
        }

        state = state with { Phase = RolloverPhase.Active, ActivatedAt = now };
        states.Write(state);
        events.Record(new KeyEvent("rollover-saml-activate", entityId, decision.Principals, $"change {change}: the hub signs with {state.NewKey} ({state.NewCertificate}); {state.OldCertificate} stays published until retire"));
        return new StepReport(step, entityId, true, state.Phase,
        [
            $"approved by: {(decision.Principals.Count > 0 ? string.Join(", ", decision.Principals) : "nobody (dual control is off)")}",
            $"change the hub's configuration now: sign as {entityId} with the key {state.NewKey} and the certificate {state.NewCertificateFile} ({state.NewCertificate}), then restart the hub",
        ], $"fedmd rollover saml retire --entity {entityId}", now + timings.RetireAfter, change.Value, state);
    }

    /// <summary>Removes the old certificate from the registry once <c>Rollover:RetireAfter</c> has passed since activation.</summary>
    public StepReport Retire(string entityId)
    {
        const string step = "rollover saml retire";
        if (Expect(step, entityId, RolloverPhase.Active, out var state) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var earliest = state.ActivatedAt!.Value + timings.RetireAfter;
        if (now < earliest)
        {
            return new StepReport(step, entityId, false, state.Phase,
                [$"refused: the hub switched at {state.ActivatedAt:u}; the old certificate is removed {Hours(timings.RetireAfter)} later (Rollover:RetireAfter), from {earliest:u}"],
                $"fedmd rollover saml retire --entity {entityId}", earliest, State: state);
        }

        var file = EntityRegistryFile.Find(registry, entityId, maxEntityBytes);
        var newCertificate = CertificateFingerprint.Parse(state.NewCertificate);
        if (!file.SigningCertificates().Contains(newCertificate))
        {
            return Refused(step, state, $"{file.Path} no longer carries the new certificate {state.NewCertificate}; removing the old one would leave {entityId} without its signing certificate", "restore the registry file from version control");
        }

        var removed = file.RemoveCertificate(CertificateFingerprint.Parse(state.OldCertificate));
        file.Save();
        state = state with { Phase = RolloverPhase.Retired, RetiredAt = now };
        states.Write(state);
        events.Record(new KeyEvent("rollover-saml-retire", entityId, [], $"removed {state.OldCertificate} from {Path.GetFileName(file.Path)} ({removed} KeyDescriptor)"));
        return new StepReport(step, entityId, true, state.Phase,
            [$"removed {removed} md:KeyDescriptor holding the old certificate {state.OldCertificate} from {file.Path}"],
            $"{RunPass}: the feeds then carry only {state.NewCertificate}; the rollover is complete", now, State: state);
    }

    /// <summary>The state, its timestamps and the next allowed step with its earliest time.</summary>
    public StepReport Status(string entityId)
    {
        const string step = "rollover saml status";
        var state = states.Read(entityId);
        if (state is null)
        {
            return new StepReport(step, entityId, true, null, [$"no rollover of {entityId} ({states.StatePath(entityId)} does not exist)"],
                $"fedmd rollover saml plan --entity {entityId}", clock.GetUtcNow());
        }

        var did = new List<string> { $"phase: {Phase(state.Phase)}", $"old certificate: {state.OldCertificate}", $"new certificate: {state.NewCertificate} ({state.NewCertificateFile})", $"new key: {state.NewKey}", $"planned: {state.PlannedAt:u}" };
        Add(did, "staged", state.StagedAt);
        Add(did, "activated", state.ActivatedAt);
        Add(did, "retired", state.RetiredAt);
        var (next, at, change) = state.Phase switch
        {
            RolloverPhase.Planned => ($"fedmd rollover saml stage --entity {entityId}", clock.GetUtcNow(), (string?)null),
            RolloverPhase.Staged => StagedNext(ref state, did),
            RolloverPhase.Active => ($"fedmd rollover saml retire --entity {entityId}", state.ActivatedAt + timings.RetireAfter, null),
            _ => ($"nothing: the rollover is complete; a new one starts with fedmd rollover saml plan --entity {entityId}", (DateTimeOffset?)null, null),
        };
        return new StepReport(step, entityId, true, state.Phase, did, next, at, change, state);
    }

    /// <summary>The change id that <c>activate</c> asks approvals for.</summary>
    public static ChangeId ActivationChange(RolloverState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return ChangeId.For("saml-activate", state.EntityId, state.OldCertificate, state.NewCertificate, state.NewKey);
    }

    private (string, DateTimeOffset?, string?) StagedNext(ref RolloverState state, List<string> did)
    {
        var overlap = Overlap(ref state);
        did.Add(overlap.Since is { } since
            ? $"published in every feed carrying the entity since: {since:u} (needs {Hours(overlap.Required)})"
            : "not yet in every feed carrying the entity: run a pass");
        return ($"fedmd rollover saml activate --entity {state.EntityId} (two operators approve {ActivationChange(state)})", overlap.EarliestAllowed, ActivationChange(state).Value);
    }

    // The history keeps Publish:HistoryVersions publications, which may span less than the overlap: when the run of
    // publications carrying the certificate reaches back to the oldest kept one, the start seen at an earlier reading
    // still holds, so it is kept in the state; a publication without the certificate starts the count again.
    private OverlapFinding Overlap(ref RolloverState state)
    {
        var finding = OverlapRule.Evaluate(published.Of(state.EntityId), CertificateFingerprint.Parse(state.NewCertificate), timings.MinimumOverlap);
        if (finding.ReachesOldest && state.PublishedSince is { } seen && seen < finding.Since)
        {
            finding = finding with { Since = seen };
        }

        if (finding.Since != state.PublishedSince)
        {
            state = state with { PublishedSince = finding.Since };
            states.Write(state);
        }

        return finding;
    }

    private StepReport? Expect(string step, string entityId, RolloverPhase phase, out RolloverState state)
    {
        var found = states.Read(entityId);
        state = found!;
        if (found is null)
        {
            return new StepReport(step, entityId, false, null, [$"refused: no rollover of {entityId} is planned"], $"fedmd rollover saml plan --entity {entityId}");
        }

        return found.Phase == phase
            ? null
            : Refused(step, found, $"the rollover of {entityId} is {Phase(found.Phase)}, and this step follows '{Phase(phase)}'", NextOf(found));
    }

    private static StepReport Refused(string step, RolloverState state, string why, string next) =>
        new(step, state.EntityId, false, state.Phase, [$"refused: {why}"], next, State: state);

    private static string NextOf(RolloverState state) => $"fedmd rollover saml status --entity {state.EntityId}";

    private static string Phase(RolloverPhase phase) => phase.ToString().ToLowerInvariant();

    private static void Add(List<string> lines, string name, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            lines.Add($"{name}: {value:u}");
        }
    }

    private static CertificateFingerprint Fingerprint(X509Certificate2 certificate) => CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha256);

    private static string Hours(TimeSpan? span) => span is { } s ? System.Xml.XmlConvert.ToString(s) : "none";
}
