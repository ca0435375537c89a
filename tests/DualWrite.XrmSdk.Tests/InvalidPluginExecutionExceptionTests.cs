using System;
using Microsoft.Xrm.Sdk;

namespace DualWrite.XrmSdk.Tests;

/// <summary>Pins the exception's constructors and defaults.</summary>
public class InvalidPluginExecutionExceptionTests
{
    [Fact]
    public void Defaults_are_Status_Failed_ErrorCode_0_and_HttpStatus_NotSet()
    {
        var error = new InvalidPluginExecutionException("Account A-1 could not be written to F&O.");

        Assert.Equal("Account A-1 could not be written to F&O.", error.Message);
        Assert.Equal(OperationStatus.Failed, error.Status);
        Assert.Equal(0, error.ErrorCode);
        Assert.Equal(PluginHttpStatusCode.NotSet, error.HttpStatus);
    }

    [Fact]
    public void Every_constructor_keeps_what_it_is_given()
    {
        var inner = new TimeoutException();

        Assert.Equal(OperationStatus.Failed, new InvalidPluginExecutionException().Status);
        Assert.Equal(OperationStatus.Canceled, new InvalidPluginExecutionException(OperationStatus.Canceled).Status);
        Assert.Equal(OperationStatus.Retry, new InvalidPluginExecutionException(OperationStatus.Retry, "m").Status);
        Assert.Same(inner, new InvalidPluginExecutionException("m", inner).InnerException);

        var coded = new InvalidPluginExecutionException(OperationStatus.Suspended, 42, "m");
        Assert.Equal(OperationStatus.Suspended, coded.Status);
        Assert.Equal(42, coded.ErrorCode);
        Assert.Equal(PluginHttpStatusCode.NotSet, coded.HttpStatus);

        var http = new InvalidPluginExecutionException("m", PluginHttpStatusCode.Conflict);
        Assert.Equal(PluginHttpStatusCode.Conflict, http.HttpStatus);
        Assert.Equal(OperationStatus.Failed, http.Status);

        var full = new InvalidPluginExecutionException(OperationStatus.Failed, 7, "m", PluginHttpStatusCode.BadGateway);
        Assert.Equal(7, full.ErrorCode);
        Assert.Equal(PluginHttpStatusCode.BadGateway, full.HttpStatus);
    }

    [Fact]
    public void The_type_is_serializable()
    {
        Assert.True(Attribute.IsDefined(typeof(InvalidPluginExecutionException), typeof(SerializableAttribute)));
    }

    [Theory]
    [InlineData(PluginHttpStatusCode.BadRequest, 400)]
    [InlineData(PluginHttpStatusCode.FailedDependency, 424)]
    [InlineData(PluginHttpStatusCode.TooManyRequests, 429)]
    [InlineData(PluginHttpStatusCode.GatewayTimeout, 504)]
    public void PluginHttpStatusCode_values_are_the_http_codes(PluginHttpStatusCode code, int expected)
    {
        Assert.Equal(expected, (int)code);
    }
}
