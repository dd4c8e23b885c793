using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clearance.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartyOwners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Owners",
                table: "parties",
                type: "jsonb",
                nullable: true);

            // Parties saved before owners were recorded have none (an empty list, not an unknown).
            migrationBuilder.Sql("UPDATE parties SET \"Owners\" = '[]';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Owners",
                table: "parties");
        }
    }
}
