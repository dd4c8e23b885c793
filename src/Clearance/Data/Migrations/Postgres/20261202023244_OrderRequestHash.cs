using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clearance.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderRequestHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequestHash",
                table: "orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequestHash",
                table: "orders");
        }
    }
}
