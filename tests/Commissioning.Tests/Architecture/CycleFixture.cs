// Two namespaces that use each other, so the cycle rule in LayeringTests is shown to fail on a real cycle.
#pragma warning disable IDE0161 // Two namespaces in one file need block-scoped namespaces.
namespace Commissioning.Tests.Architecture.CycleFixture.First
{
    /// <summary>Refers to <see cref="Second.Pong"/>: half of a deliberate cycle for the rule to find.</summary>
    internal static class Ping
    {
        public static int Value => Second.Pong.Value + 1;
    }
}

namespace Commissioning.Tests.Architecture.CycleFixture.Second
{
    /// <summary>Refers to <see cref="First.Ping"/>: the other half.</summary>
    internal static class Pong
    {
        public static int Value => First.Ping.Value - 1;
    }
}
