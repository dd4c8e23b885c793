using Clearance.Rules;
using Clearance.Users;

namespace Clearance.Tests.Users;

public sealed class UserValidationTests
{
    [Theory]
    [InlineData("olga", "compliance-officer", null)]
    [InlineData("erp.integration_1@acme", "sales", "twelve chars")]
    [InlineData("a", "viewer", null)]
    public void Accepts_well_formed_users(string userName, string role, string? password) =>
        Assert.Empty(UserWorkflow.Validate(userName, role, password));

    [Theory]
    [InlineData("", "viewer", null, "userName")]
    [InlineData(null, "viewer", null, "userName")]
    [InlineData("Olga", "viewer", null, "userName")]
    [InlineData("olga smith", "viewer", null, "userName")]
    [InlineData("olga", "Viewer", null, "role")]
    [InlineData("olga", "superuser", null, "role")]
    [InlineData("olga", null, null, "role")]
    [InlineData("olga", "viewer", "eleven char", "password")]
    public void Names_the_field_that_is_wrong(string? userName, string? role, string? password, string field) =>
        Assert.Equal([field], UserWorkflow.Validate(userName, role, password).Keys);

    [Fact]
    public void Refuses_a_user_name_one_character_too_long()
    {
        Assert.Empty(UserWorkflow.Validate(new string('a', UserWorkflow.MaximumUserNameLength), "viewer", null));
        Assert.Equal(["userName"], UserWorkflow.Validate(new string('a', UserWorkflow.MaximumUserNameLength + 1), "viewer", null).Keys);
    }

    [Fact]
    public void Every_role_has_a_wire_name_that_parses_back() =>
        Assert.All(Enum.GetValues<Role>(), role => Assert.Equal(role, WireNames.Parse<Role>(role.Name())));
}
