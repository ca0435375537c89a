using Microsoft.Xrm.Sdk;

namespace DualWrite.XrmSdk.Tests;

/// <summary>Pins the fault detail shape clients switch on.</summary>
public class OrganizationServiceFaultTests
{
    [Fact]
    public void A_fault_carries_code_message_trace_and_inner_fault()
    {
        var fault = new OrganizationServiceFault
        {
            ErrorCode = unchecked((int)0x80040265),
            Message = "Blocked by plug-in",
            TraceText = "trace",
            InnerFault = new OrganizationServiceFault { ErrorCode = 1 },
        };
        fault.ErrorDetails["field"] = "name";

        Assert.Equal(-2147220891, fault.ErrorCode);
        Assert.Equal("trace", fault.TraceText);
        Assert.Equal(1, fault.InnerFault.ErrorCode);
        Assert.Equal("name", fault.ErrorDetails["field"]);
        Assert.IsAssignableFrom<BaseServiceFault>(fault);
    }
}
