using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BidReceiptsAndInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReceivedAt",
                table: "Bids",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReceivedBytes",
                table: "Bids",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivedFile",
                table: "Bids",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReceivedLate",
                table: "Bids",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ReceivedSha256",
                table: "Bids",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TenderInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenderInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TenderInvitations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TenderInvitations_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TenderInvitations_OrganisationId",
                table: "TenderInvitations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_TenderInvitations_TenderId_OrganisationId",
                table: "TenderInvitations",
                columns: new[] { "TenderId", "OrganisationId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TenderInvitations");

            migrationBuilder.DropColumn(
                name: "ReceivedAt",
                table: "Bids");

            migrationBuilder.DropColumn(
                name: "ReceivedBytes",
                table: "Bids");

            migrationBuilder.DropColumn(
                name: "ReceivedFile",
                table: "Bids");

            migrationBuilder.DropColumn(
                name: "ReceivedLate",
                table: "Bids");

            migrationBuilder.DropColumn(
                name: "ReceivedSha256",
                table: "Bids");
        }
    }
}
