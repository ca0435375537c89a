using System;
using System.Threading.Tasks;
using DualWrite.Listener.Commands;

namespace DualWrite.Listener;

internal static class Program
{
    private static Task<int> Main(string[] args) => CommandLineInvocation.InvokeAsync(args, Console.Out, Console.Error);
}
