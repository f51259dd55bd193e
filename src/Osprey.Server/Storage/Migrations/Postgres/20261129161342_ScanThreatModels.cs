using Microsoft.EntityFrameworkCore.Migrations;
using Osprey.Core.Scanning;

#nullable disable

namespace Osprey.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScanThreatModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ThreatModels",
                table: "ScanJobs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                // Jobs accepted before threat models could be chosen ran (or, still queued, will run) with remote alone.
                defaultValue: ScanOptions.Remote);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ThreatModels",
                table: "ScanJobs");
        }
    }
}
