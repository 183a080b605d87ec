using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit;

namespace BusinessOps.EndToEnd.Tests;

/// <summary>
/// Issue 9 #3: an agent that prints the coordinator's secrets (to stderr, or in its result's summary) never gets them into the
/// store: every text written passes the masker. Checked in every column of every table and in the raw database and WAL bytes.
/// </summary>
[Collection("processes")]
public sealed class SecretLeakTests
{
    private const string GitHubToken = "plain-github-secret-value-8d1f0c2a";
    private const string AwsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string MintedToken = "ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5";

    [Theory]
    [InlineData("echo \"token $GITHUB_TOKEN aws $AWS_SECRET_ACCESS_KEY minted " + MintedToken + "\" >&2\nexit 1")]
    [InlineData("echo \"debug: $GITHUB_TOKEN\" >&2\nprintf '{\"agent\":\"ai-qa-agent\",\"issue\":1,\"key\":\"%s\",\"outcome\":\"completed\",\"summary\":\"used %s and %s and " + MintedToken + "\",\"actions\":[],\"outputs\":{\"note\":\"%s\"},\"confidence\":0.9,\"costUsd\":0}\\n' \"$BUSINESSOPS_KEY\" \"$GITHUB_TOKEN\" \"$AWS_SECRET_ACCESS_KEY\" \"$AWS_SECRET_ACCESS_KEY\"\nexit 0")]
    [InlineData("echo 'not json, but the secret: '\"$AWS_SECRET_ACCESS_KEY\"\nexit 0")]
    public async Task Run_AgentPrintsSecrets_NoneReachTheStore(string script)
    {
        using var c = new Coordinator();
        await c.InstallAgentAsync("ai-qa-agent", script);
        c.Environment["GITHUB_TOKEN"] = GitHubToken;
        c.Environment["AWS_SECRET_ACCESS_KEY"] = AwsSecret;
        await c.FileAsync("QA the release", "### Test results\n\n<xml/>", "dev/qa", "priority/P2");

        var run = await c.WithStoreAsync("run", "--once", "--json", "--verbose", "--policies", Coordinator.ShippedPolicies);
        var issue = await c.ShowAsync(1);

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        Assert.Equal(1, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("dispatched").GetInt32());
        Assert.True(Labels.Comments(issue).Count > 0, run.ToString());
        foreach (var secret in new[] { GitHubToken, AwsSecret, MintedToken, "wJalrXUtnFEMI\\/K7MDENG", "wJalrXUtnFEMI\\u002FK7MDENG" })
        {
            Assert.DoesNotContain(secret, run.Stderr, StringComparison.Ordinal);
            Assert.Empty(FindInTables(c.Store, secret));
            Assert.Empty(FindInFiles(c.Store, secret));
        }
    }

    /// <summary>Every column of every row of every table whose text contains <paramref name="needle"/>.</summary>
    private static List<string> FindInTables(string store, string needle)
    {
        var found = new List<string>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("comments", tables);
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\";";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var text = reader.IsDBNull(i) ? string.Empty : reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                    if (text?.Contains(needle, StringComparison.Ordinal) == true)
                    {
                        found.Add($"{table}.{reader.GetName(i)}");
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The database and its WAL, byte for byte: a secret written and then overwritten could still sit in a page.</summary>
    private static List<string> FindInFiles(string store, string needle)
    {
        var bytes = Encoding.UTF8.GetBytes(needle);
        return [.. new[] { store, store + "-wal" }.Where(File.Exists).Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(bytes) >= 0)];
    }
}
