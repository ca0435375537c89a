using System;

namespace DualWrite.Listener;

internal static class Program
{
    private static int Main() { Console.WriteLine("dualwrite"); return 0; }
}
