using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Osprey.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssetReferenceScans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceCommit",
                table: "ScanJobs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceRef",
                table: "ScanJobs",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SourceCommit",
                table: "ScanJobs");

            migrationBuilder.DropColumn(
                name: "SourceRef",
                table: "ScanJobs");
        }
    }
}
