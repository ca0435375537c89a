using System;
using System.Threading.Tasks;
using DualWrite.Listener.Commands;

namespace DualWrite.Listener;

internal static class Program
{
    private static Task<int> Main(string[] args) => DualWriteCommandLine.Create(Console.Out).Parse(args).InvokeAsync();
}
