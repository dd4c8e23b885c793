using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clearance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScreeningPasses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "screening_passes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ListVersionId = table.Column<long>(type: "INTEGER", nullable: true),
                    Build = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PartiesTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    EveryEntry = table.Column<bool>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HeartbeatAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastOrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrdersDone = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastPartyId = table.Column<long>(type: "INTEGER", nullable: false),
                    PartiesScreened = table.Column<int>(type: "INTEGER", nullable: false),
                    OrdersScreened = table.Column<int>(type: "INTEGER", nullable: false),
                    AlertsRaised = table.Column<int>(type: "INTEGER", nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupersededBy = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_passes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_screening_passes_FinishedAt",
                table: "screening_passes",
                column: "FinishedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "screening_passes");
        }
    }
}
