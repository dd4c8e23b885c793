namespace Clearance.Users;

public sealed record AuthenticatedUser(string UserName, Role Role);
