using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clearance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartiesAlertsLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "list_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    EntryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EntriesAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    EntriesChanged = table.Column<int>(type: "INTEGER", nullable: false),
                    EntriesRemoved = table.Column<int>(type: "INTEGER", nullable: false),
                    PartiesRescreened = table.Column<int>(type: "INTEGER", nullable: false),
                    OrdersRescreened = table.Column<int>(type: "INTEGER", nullable: false),
                    AlertsRaised = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_list_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "parties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalReference = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Aliases = table.Column<string>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Headquarters = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScreenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ListVersionHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "screening_alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PartyId = table.Column<long>(type: "INTEGER", nullable: true),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PartyName = table.Column<string>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    List = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EntryId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EntryName = table.Column<string>(type: "TEXT", nullable: false),
                    MatchedName = table.Column<string>(type: "TEXT", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    EntryHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ListVersion = table.Column<string>(type: "TEXT", nullable: false),
                    ListVersionHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DispositionedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DispositionedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DispositionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_screening_alerts_orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_screening_alerts_parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_list_versions_Source",
                table: "list_versions",
                column: "Source");

            migrationBuilder.CreateIndex(
                name: "IX_parties_Country",
                table: "parties",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_parties_ExternalReference",
                table: "parties",
                column: "ExternalReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_parties_NameKey",
                table: "parties",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_screening_alerts_List",
                table: "screening_alerts",
                column: "List");

            migrationBuilder.CreateIndex(
                name: "IX_screening_alerts_NameKey",
                table: "screening_alerts",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_screening_alerts_OrderId",
                table: "screening_alerts",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_screening_alerts_PartyId",
                table: "screening_alerts",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_screening_alerts_Status",
                table: "screening_alerts",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_screening_alerts_SubjectKey_EntryHash",
                table: "screening_alerts",
                columns: new[] { "SubjectKey", "EntryHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "list_versions");

            migrationBuilder.DropTable(
                name: "screening_alerts");

            migrationBuilder.DropTable(
                name: "parties");
        }
    }
}
