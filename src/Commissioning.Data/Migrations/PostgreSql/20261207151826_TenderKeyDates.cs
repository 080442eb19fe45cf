using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TenderKeyDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "BidDeadline",
                table: "Tenders",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClarificationDeadline",
                table: "Tenders",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BidDeadline",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "ClarificationDeadline",
                table: "Tenders");
        }
    }
}
