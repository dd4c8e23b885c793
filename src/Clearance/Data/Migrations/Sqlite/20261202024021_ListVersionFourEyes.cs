using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clearance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListVersionFourEyes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ApprovedAt",
                table: "list_versions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "list_versions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ApprovedVersionId",
                table: "list_versions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForceReason",
                table: "list_versions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "list_versions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "effective");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "list_versions");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "list_versions");

            migrationBuilder.DropColumn(
                name: "ApprovedVersionId",
                table: "list_versions");

            migrationBuilder.DropColumn(
                name: "ForceReason",
                table: "list_versions");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "list_versions");
        }
    }
}
