using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clearance.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScreeningStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "screening_stamps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PassId = table.Column<long>(type: "bigint", nullable: false),
                    AfterPartyId = table.Column<long>(type: "bigint", nullable: false),
                    LastPartyId = table.Column<long>(type: "bigint", nullable: false),
                    ScreenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ListVersionHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_stamps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_screening_stamps_screening_passes_PassId",
                        column: x => x.PassId,
                        principalTable: "screening_passes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_screening_stamps_LastPartyId_AfterPartyId",
                table: "screening_stamps",
                columns: new[] { "LastPartyId", "AfterPartyId" });

            migrationBuilder.CreateIndex(
                name: "IX_screening_stamps_PassId",
                table: "screening_stamps",
                column: "PassId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "screening_stamps");
        }
    }
}
