using Fedmd.KeyLifecycle.Audit;
using Fedmd.KeyLifecycle.DualControl;
using Fedmd.KeyLifecycle.Saml;
using Fedmd.Metadata.Values;

namespace Fedmd.KeyLifecycle.Compromise;

/// <summary>
/// <c>fedmd compromise saml</c>: under dual control, removes a compromised certificate from the entity's registry
/// file, publishes at once, and lists whom to notify.
/// </summary>
/// <param name="registry">The registry directory.</param>
/// <param name="maxEntityBytes">The registry's size cap.</param>
/// <param name="gate">Dual control.</param>
/// <param name="events">The audit log.</param>
/// <param name="pass">The pass run right after the removal.</param>
/// <param name="contactsPath">Where <c>contacts-to-notify.csv</c> goes.</param>
public sealed class SamlCompromise(string registry, long maxEntityBytes, IApprovalGate gate, IKeyEventLog events, IImmediatePass pass, string contactsPath)
{
    /// <summary>The change id approvals must name.</summary>
    public static ChangeId Change(string entityId, CertificateFingerprint certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return ChangeId.For("saml-compromise", entityId, certificate.ToString());
    }

    /// <summary>Removes <paramref name="certificate"/> from <paramref name="entityId"/> and publishes.</summary>
    public StepReport Respond(string entityId, CertificateFingerprint certificate)
    {
        const string step = "compromise saml";
        var file = EntityRegistryFile.Find(registry, entityId, maxEntityBytes);
        if (file.Certificate(certificate) is null)
        {
            return new StepReport(step, entityId, false, null, [$"refused: {file.Path} holds no KeyDescriptor with certificate {certificate}"],
                "check --certificate against the entity's certificates (SHA256 of the DER certificate)");
        }

        var change = Change(entityId, certificate);
        var decision = gate.Check(change);
        if (!decision.Granted)
        {
            return new StepReport(step, entityId, false, null, ["refused: missing approvals", .. decision.Problems],
                $"two operators run: fedmd approve {change}; then run this command again", ChangeId: change.Value);
        }

        var removed = file.RemoveCertificate(certificate);
        file.Save();
        var remaining = file.SigningCertificates();
        events.Record(new KeyEvent("compromise-saml", entityId, decision.Principals, $"change {change}: removed {certificate} ({removed} KeyDescriptor) from {Path.GetFileName(file.Path)}"));
        var did = new List<string>
        {
            $"approved by: {(decision.Principals.Count > 0 ? string.Join(", ", decision.Principals) : "nobody (dual control is off)")}",
            $"removed {removed} md:KeyDescriptor holding {certificate} from {file.Path}",
        };
        if (remaining.Count == 0)
        {
            did.Add($"warning: {entityId} has no signing certificate left; plan a new one: fedmd rollover saml plan --entity {entityId}");
        }

        did.AddRange(pass.Run());
        // Every participant may have trusted the certificate (the hub's assertions reach them all), so all are listed.
        var contacts = ContactsToNotify.Write(registry, maxEntityBytes, null, contactsPath);
        did.Add($"wrote {contacts} contacts to notify to {contactsPath}");
        return new StepReport(step, entityId, true, null, did,
            $"notify the contacts in {contactsPath}; revoke the key on the hub; publish an advisory (fedmd advisory publish --file TEXT)", ChangeId: change.Value);
    }
}
