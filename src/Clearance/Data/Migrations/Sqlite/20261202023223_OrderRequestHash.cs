using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clearance.Data.Migrations.Sqlite
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
                type: "TEXT",
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
