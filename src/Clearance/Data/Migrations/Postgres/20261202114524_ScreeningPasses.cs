using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clearance.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ListVersionId = table.Column<long>(type: "bigint", nullable: true),
                    Build = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PartiesTotal = table.Column<int>(type: "integer", nullable: false),
                    EveryEntry = table.Column<bool>(type: "boolean", nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HeartbeatAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastOrderId = table.Column<long>(type: "bigint", nullable: false),
                    OrdersDone = table.Column<bool>(type: "boolean", nullable: false),
                    LastPartyId = table.Column<long>(type: "bigint", nullable: false),
                    PartiesScreened = table.Column<int>(type: "integer", nullable: false),
                    OrdersScreened = table.Column<int>(type: "integer", nullable: false),
                    AlertsRaised = table.Column<int>(type: "integer", nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SupersededBy = table.Column<long>(type: "bigint", nullable: true)
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
