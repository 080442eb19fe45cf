using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commissioning.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReadinessTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LotKey",
                table: "ReadinessChecks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TenderFileJson",
                table: "ReadinessChecks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TenderId",
                table: "ReadinessChecks",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LotKey",
                table: "ReadinessChecks");

            migrationBuilder.DropColumn(
                name: "TenderFileJson",
                table: "ReadinessChecks");

            migrationBuilder.DropColumn(
                name: "TenderId",
                table: "ReadinessChecks");
        }
    }
}
