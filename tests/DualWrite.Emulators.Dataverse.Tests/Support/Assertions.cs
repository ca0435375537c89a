using System;
using DualWrite.Emulators.Dataverse.Faults;

namespace DualWrite.Emulators.Dataverse.Tests.Support;

internal static class Assertions
{
    public static DataverseFaultException Fault(int expectedCode, Action action)
    {
        var fault = Assert.Throws<DataverseFaultException>(action);
        Assert.Equal(expectedCode, fault.Fault.ErrorCode);
        return fault;
    }
}
