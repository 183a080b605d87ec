using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Http;

namespace BusinessOps.Aws.Batch;

/// <summary>SubmitJob (paced under <see cref="AwsClientOptions.SubmitJobsPerSecond"/>), DescribeJobs, ListJobs and DescribeJobQueues.</summary>
public sealed class BatchClient
{
    /// <summary>DescribeJobs accepts at most this many ids per call.</summary>
    public const int DescribeBatchSize = 100;

    private readonly AwsConnection _connection;
    private readonly SubmitRateLimiter _submitPace;

    internal BatchClient(AwsConnection connection, SubmitRateLimiter submitPace)
    {
        _connection = connection;
        _submitPace = submitPace;
    }

    public async Task<SubmitJobResponse> SubmitJobAsync(SubmitJobRequest request, CancellationToken cancellationToken)
    {
        await _submitPace.WaitAsync(cancellationToken);
        var resource = $"Batch job queue '{request.JobQueue}' or job definition '{request.JobDefinition}'";
        return await CallAsync("SubmitJob", "batch:SubmitJob", resource, "/v1/submitjob", request, AwsJson.Default.SubmitJobRequest, AwsJson.Default.SubmitJobResponse, false, cancellationToken);
    }

    public async Task<IReadOnlyList<JobDetail>> DescribeJobsAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jobIds.Count, DescribeBatchSize);
        var response = await CallAsync(
            "DescribeJobs", "batch:DescribeJobs", "Batch jobs", "/v1/describejobs", new DescribeJobsRequest(jobIds), AwsJson.Default.DescribeJobsRequest, AwsJson.Default.DescribeJobsResponse, true, cancellationToken);
        return response.Jobs ?? [];
    }

    /// <summary>The named queues as Batch describes them (absent ones are simply missing from the answer).</summary>
    public async Task<IReadOnlyList<JobQueueDetail>> DescribeJobQueuesAsync(IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
        var response = await CallAsync(
            "DescribeJobQueues", "batch:DescribeJobQueues", "Batch job queues", "/v1/describejobqueues", new DescribeJobQueuesRequest(queues), AwsJson.Default.DescribeJobQueuesRequest, AwsJson.Default.DescribeJobQueuesResponse, true, cancellationToken);
        return response.JobQueues ?? [];
    }

    /// <summary>Every job in <paramref name="queue"/> named <paramref name="jobName"/>, of any status, following pages.</summary>
    public async Task<IReadOnlyList<JobSummary>> ListJobsByNameAsync(string queue, string jobName, CancellationToken cancellationToken)
    {
        var found = new List<JobSummary>();
        string? next = null;
        do
        {
            var request = new ListJobsRequest { JobQueue = queue, Filters = [new KeyValuesPair("JOB_NAME", [jobName])], NextToken = next };
            var page = await CallAsync(
                "ListJobs", "batch:ListJobs", $"Batch job queue '{queue}'", "/v1/listjobs", request, AwsJson.Default.ListJobsRequest, AwsJson.Default.ListJobsResponse, true, cancellationToken);
            found.AddRange(page.JobSummaryList ?? []);
            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));

        return found;
    }

    /// <summary>
    /// Jobs in <paramref name="queue"/> whose name starts with <paramref name="prefix"/> (JOB_NAME filter ending in '*'),
    /// newest first, following pages only while they hold jobs created at or after <paramref name="since"/>.
    /// </summary>
    public async Task<IReadOnlyList<JobSummary>> ListJobsByPrefixAsync(string queue, string prefix, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var found = new List<JobSummary>();
        var oldest = since.ToUnixTimeMilliseconds();
        string? next = null;
        do
        {
            var request = new ListJobsRequest { JobQueue = queue, Filters = [new KeyValuesPair("JOB_NAME", [prefix + "*"])], NextToken = next };
            var page = await CallAsync(
                "ListJobs", "batch:ListJobs", $"Batch job queue '{queue}'", "/v1/listjobs", request, AwsJson.Default.ListJobsRequest, AwsJson.Default.ListJobsResponse, true, cancellationToken);
            var jobs = page.JobSummaryList ?? [];
            found.AddRange(jobs.Where(j => (j.CreatedAt ?? long.MaxValue) >= oldest));

            // Batch sorts filtered results by creation time, newest first: a page reaching past 'since' is the last one needed.
            next = jobs.Any(j => j.CreatedAt is { } at && at < oldest) ? null : page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));

        return found;
    }

    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        string operation, string action, string resource, string path, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, bool idempotent, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var response = await _connection.SendAsync(new AwsCall(operation, action, resource, HttpMethod.Post, path, body, idempotent), cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(response.Body, responseType)
                ?? throw new AwsTransientException($"AWS batch {operation} answered an empty body.", null, response.StatusCode);
        }
        catch (JsonException e)
        {
            throw new AwsTransientException(
                $"AWS batch {operation} answered a body that is not the expected JSON (\"{AwsErrorMapper.Preview(response.Body)}\"): {e.Message}", null, response.StatusCode, e);
        }
    }
}
