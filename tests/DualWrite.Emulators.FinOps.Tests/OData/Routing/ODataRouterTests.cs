using System;
using System.Collections.Generic;
using DualWrite.Emulators.FinOps.OData;
using DualWrite.Emulators.FinOps.OData.Routing;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.Tests.OData.Routing;

public sealed class ODataRouterTests
{
    private static readonly ODataRouter Router = new(FinOpsSchema.Standard);

    private static ODataRequest Request(string method, string path, string query = "") =>
        new(method, path, query, new Dictionary<string, string>(), string.Empty, new Uri("http://127.0.0.1:5100/data/"));

    [Theory]
    [InlineData("GET", "", ODataRouteKind.ServiceDocument)]
    [InlineData("HEAD", "$metadata", ODataRouteKind.Metadata)]
    [InlineData("POST", "$batch", ODataRouteKind.Batch)]
    [InlineData("GET", "CustomersV3", ODataRouteKind.Collection)]
    [InlineData("POST", "CustomersV3/", ODataRouteKind.Collection)]
    [InlineData("GET", "CustomersV3/$count", ODataRouteKind.Count)]
    [InlineData("PATCH", "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", ODataRouteKind.Entity)]
    public void A_path_and_method_route_to_what_they_address(string method, string path, ODataRouteKind kind)
    {
        Assert.True(Router.TryRoute(Request(method, path), batchAllowed: true, out var route, out var error));
        Assert.Null(error);
        Assert.Equal(kind, route!.Kind);
    }

    [Theory]
    [InlineData("OPTIONS", "CustomersV3", true, 405)]
    [InlineData("POST", "$metadata", true, 404)]
    [InlineData("POST", "$batch", false, 404)]
    [InlineData("GET", "NoSuchSet", true, 404)]
    [InlineData("GET", "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')/$count", true, 404)]
    [InlineData("GET", "CustomersV3(dataAreaId='usmf')", true, 400)]
    public void What_does_not_route_gets_the_answer_finops_gives(string method, string path, bool batchAllowed, int status)
    {
        Assert.False(Router.TryRoute(Request(method, path), batchAllowed, out var route, out var error));
        Assert.Null(route);
        Assert.Equal(status, error!.StatusCode);
    }

    [Fact]
    public void A_bad_percent_encoding_in_the_query_string_is_400()
    {
        Assert.False(Router.TryRoute(Request("GET", "CustomersV3", "$filter=%zz"), batchAllowed: true, out _, out var error));
        Assert.Equal(400, error!.StatusCode);
    }

    [Fact]
    public void An_entity_route_carries_its_key_as_a_store_probe_and_the_parsed_query()
    {
        Assert.True(Router.TryRoute(Request("GET", "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", "cross-company=true"), batchAllowed: true, out var route, out _));
        Assert.Equal("CustomersV3", route!.Set!.Name);
        Assert.NotNull(route.Probe);
        Assert.Single(route.Query!.RawPairs);
    }
}
