using System.Text.Json.Nodes;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>
/// The runtime settings every build of fedmd carries. The GC sizes its youngest generation from the CPU's L3 cache
/// unless told otherwise: on a CPU with a 105 MB L3, a 95 MB <c>fedmd sign</c> held 142 MB instead of 104 MB and a
/// 10,000-entity pass 175 MB instead of 137 MB (docs/performance.md), so the budget is part of what ships.
/// </summary>
public sealed class RuntimeConfigurationTests
{
    [Fact]
    public void The_program_caps_the_youngest_generation_at_16_MB_whatever_the_cpu_cache()
    {
        var runtimeConfig = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fedmd.runtimeconfig.json"));
        var properties = JsonNode.Parse(runtimeConfig)!["runtimeOptions"]!["configProperties"]!.AsObject();

        Assert.Equal(16L * 1024 * 1024, properties["System.GC.Gen0MaxBudget"]?.GetValue<long>());
    }
}
