using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Osprey.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DisclosureAndAbuse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AbuseAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    SubjectKind = table.Column<string>(type: "text", nullable: false),
                    SubjectId = table.Column<string>(type: "text", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    ReasonsJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbuseAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AbuseCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "text", nullable: false),
                    SubjectId = table.Column<string>(type: "text", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    EvidenceJson = table.Column<string>(type: "text", nullable: false),
                    OpenedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    DecidedBy = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecisionNote = table.Column<string>(type: "text", nullable: true),
                    QuietUntil = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbuseCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureCases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Fingerprint = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    MaintainerId = table.Column<string>(type: "text", nullable: false),
                    SignedOffBy = table.Column<string>(type: "text", nullable: true),
                    SignedOffAt = table.Column<long>(type: "bigint", nullable: true),
                    OpenedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CaseJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureEvents",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "text", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false),
                    EventKey = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureEvents", x => new { x.CaseId, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "DisclosureOutbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Recipient = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    ContentType = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<byte[]>(type: "bytea", nullable: false),
                    DeliveredAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureRevisions",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "text", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Justification = table.Column<string>(type: "text", nullable: true),
                    Summary = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureRevisions", x => new { x.CaseId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "SubmissionFeatures",
                columns: table => new
                {
                    ScanId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    KeyId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: true),
                    InScope = table.Column<bool>(type: "boolean", nullable: false),
                    ScopeReason = table.Column<string>(type: "text", nullable: false),
                    FileCount = table.Column<int>(type: "integer", nullable: false),
                    PathsJson = table.Column<string>(type: "text", nullable: false),
                    TextSample = table.Column<string>(type: "text", nullable: false),
                    ClientAddress = table.Column<string>(type: "text", nullable: true),
                    ClientFingerprint = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionFeatures", x => x.ScanId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AbuseAssessments_At",
                table: "AbuseAssessments",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AbuseAssessments_SubjectId_At",
                table: "AbuseAssessments",
                columns: new[] { "SubjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AbuseCases_Status_UpdatedAt",
                table: "AbuseCases",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AbuseCases_SubjectKind_SubjectId",
                table: "AbuseCases",
                columns: new[] { "SubjectKind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureCases_Active_OpenedAt",
                table: "DisclosureCases",
                columns: new[] { "Active", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureCases_AssetId_Fingerprint",
                table: "DisclosureCases",
                columns: new[] { "AssetId", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureCases_MaintainerId",
                table: "DisclosureCases",
                column: "MaintainerId");

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureCases_OrganisationId",
                table: "DisclosureCases",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureOutbox_DeliveredAt_Id",
                table: "DisclosureOutbox",
                columns: new[] { "DeliveredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionFeatures_AssetId_At",
                table: "SubmissionFeatures",
                columns: new[] { "AssetId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionFeatures_At",
                table: "SubmissionFeatures",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AbuseAssessments");

            migrationBuilder.DropTable(
                name: "AbuseCases");

            migrationBuilder.DropTable(
                name: "DisclosureCases");

            migrationBuilder.DropTable(
                name: "DisclosureEvents");

            migrationBuilder.DropTable(
                name: "DisclosureOutbox");

            migrationBuilder.DropTable(
                name: "DisclosureRevisions");

            migrationBuilder.DropTable(
                name: "SubmissionFeatures");
        }
    }
}
