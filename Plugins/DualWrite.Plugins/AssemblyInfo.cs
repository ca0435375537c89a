// The write-through plug-in arrives with its own issue; this assembly already builds for net462 and net10.0.
[assembly: System.CLSCompliant(false)]
