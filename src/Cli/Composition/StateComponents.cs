using Fedmd.Cli.Configuration;
using Fedmd.Pass.State;

namespace Fedmd.Cli.Composition;

/// <summary>The state store as configured.</summary>
internal static class StateComponents
{
    /// <summary>The state directory's files: <c>StateDirectory</c>, <c>Registry:LedgerFile</c>, <c>Signing:AuditLog</c>.</summary>
    public static FileStateStore Open(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new FileStateStore(options.StateDirectory, options.Registry.LedgerFile, options.Signing.AuditLog);
    }
}
