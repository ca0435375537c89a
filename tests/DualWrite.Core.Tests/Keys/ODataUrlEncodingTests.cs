using System;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Tests.Keys;

public class ODataUrlEncodingTests
{
    [Theory]
    [InlineData("AZaz09-._~", "AZaz09-._~")]
    [InlineData("a/b?c#d%e", "a%2Fb%3Fc%23d%25e")]
    [InlineData("a b+c&d=e", "a%20b%2Bc%26d%3De")]
    [InlineData("(x),y;z:w@v!$*", "%28x%29%2Cy%3Bz%3Aw%40v%21%24%2A")]
    [InlineData("'O''Neil'", "'O''Neil'")]
    [InlineData("é", "%C3%A9")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("\"<>\\^`{|}", "%22%3C%3E%5C%5E%60%7B%7C%7D")]
    public void Key_literals_keep_only_unreserved_characters_and_quotes(string literal, string escaped)
    {
        Assert.Equal(escaped, ODataUrlEncoding.EscapeKeyLiteral(literal));
        Assert.Equal(literal, ODataUrlEncoding.Unescape(escaped));
    }

    [Fact]
    public void Query_values_keep_the_characters_filters_need_and_escape_the_rest()
    {
        Assert.Equal(
            "Name%20eq%20'a%26b%2Bc%23'%20and%20(x%20gt%201)",
            ODataUrlEncoding.EscapeQueryValue("Name eq 'a&b+c#' and (x gt 1)"));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%4")]
    [InlineData("%G1")]
    [InlineData("%C3")]
    [InlineData("%FF%FE")]
    public void Unescaping_refuses_broken_percent_sequences_and_invalid_utf8(string text)
    {
        Assert.Throws<FormatException>(() => ODataUrlEncoding.Unescape(text));
    }

    [Fact]
    public void A_plus_sign_is_not_a_space_in_a_path()
    {
        Assert.Equal("a+b", ODataUrlEncoding.Unescape("a+b"));
    }

    [Fact]
    public void An_unpaired_surrogate_cannot_be_escaped()
    {
        Assert.Throws<ArgumentException>(() => ODataUrlEncoding.EscapeKeyLiteral("a\uD800"));
    }
}
