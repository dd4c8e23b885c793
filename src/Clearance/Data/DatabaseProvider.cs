namespace Clearance.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
