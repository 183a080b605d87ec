using System.Globalization;
using System.Text.Json.Nodes;

namespace BusinessOps.TestKit.Aws;

/// <summary>The Batch operations: SubmitJob, DescribeJobs, ListJobs over the in-memory jobs.</summary>
public sealed partial class FakeAwsServer
{
    private FakeAnswer Submit(byte[] body)
    {
        // Batch's limit on a job's submitted size, overrides and tags included.
        if (body.Length > 30 * 1024)
        {
            return FakeAnswer.Error(400, "ClientException", $"Job size {body.Length} bytes exceeds the 30 KiB limit for a SubmitJob request.");
        }

        if (Parse(body) is not { } request)
        {
            return FakeAnswer.Error(400, "ClientException", "body is not a JSON object");
        }

        if (FakeBatchShape.ValidateSubmit(request) is { } invalid)
        {
            return FakeAnswer.Error(400, "ClientException", invalid);
        }

        var queue = QueueName(FakeBatchShape.Str(request, "jobQueue")!);
        if (!Queues.Contains(queue))
        {
            return FakeAnswer.Error(400, "ClientException", $"JobQueue {queue} not found.");
        }

        var fairShare = FairShareQueues.Contains(queue);
        if (fairShare != request.ContainsKey("shareIdentifier"))
        {
            return FakeAnswer.Error(400, "ClientException", fairShare
                ? $"Job queue {queue} has a fair share scheduling policy: a shareIdentifier is required."
                : $"Job queue {queue} has no scheduling policy: shareIdentifier is not allowed.");
        }

        var definition = FakeBatchShape.Str(request, "jobDefinition")!;
        if (!JobDefinitions.Contains(definition.Split(':')[0]))
        {
            return FakeAnswer.Error(400, "ClientException", $"Job definition {definition} does not exist.");
        }

        FakeBatchJob job;
        lock (_gate)
        {
            var n = ++_sequence;
            job = new FakeBatchJob($"{n:x8}-0000-4000-8000-{n:x12}", FakeBatchShape.Str(request, "jobName")!, queue, request, _clock.GetUtcNow());
            _jobs.Add(job);
        }

        return FakeAnswer.Json(200, new JsonObject
        {
            ["jobArn"] = $"arn:aws:batch:{Region}:{Account}:job/{job.JobId}",
            ["jobName"] = job.JobName,
            ["jobId"] = job.JobId,
        });
    }

    private FakeAnswer Describe(byte[] body)
    {
        if (Parse(body)?["jobs"] is not JsonArray ids || ids.Count > 100 || ids.Any(i => i?.GetValueKind() != System.Text.Json.JsonValueKind.String))
        {
            return FakeAnswer.Error(400, "ClientException", "jobs must be an array of at most 100 job ids");
        }

        var wanted = ids.Select(i => i!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var jobs = new JsonArray();
        lock (_gate)
        {
            foreach (var job in _jobs.Where(j => wanted.Contains(j.JobId)))
            {
                var detail = new JsonObject
                {
                    ["jobArn"] = $"arn:aws:batch:{Region}:{Account}:job/{job.JobId}",
                    ["jobName"] = job.JobName,
                    ["jobId"] = job.JobId,
                    ["jobQueue"] = $"arn:aws:batch:{Region}:{Account}:job-queue/{job.Queue}",
                    ["status"] = job.Status,
                    ["statusReason"] = job.StatusReason,
                    ["createdAt"] = job.CreatedAt.ToUnixTimeMilliseconds(),
                    ["startedAt"] = job.StartedAt?.ToUnixTimeMilliseconds(),
                    ["stoppedAt"] = job.StoppedAt?.ToUnixTimeMilliseconds(),
                    ["jobDefinition"] = $"arn:aws:batch:{Region}:{Account}:job-definition/{job.Request["jobDefinition"]}:1",
                    ["container"] = Container(job),
                };
                if (job.Status == "FAILED")
                {
                    detail["attempts"] = new JsonArray(new JsonObject
                    {
                        ["container"] = new JsonObject { ["exitCode"] = job.ExitCode, ["reason"] = job.ExitCode is null ? null : "Essential container in task exited" },
                        ["statusReason"] = job.StatusReason,
                    });
                }

                jobs.Add(detail);
            }
        }

        return FakeAnswer.Json(200, new JsonObject { ["jobs"] = jobs });
    }

    /// <summary>The container as Batch reports it: the job definition's variables merged with the submit's overrides.</summary>
    private JsonObject Container(FakeBatchJob job)
    {
        var environment = new JsonArray(new JsonObject { ["name"] = "BUSINESSOPS_RESULTS_QUEUE_URL", ["value"] = $"https://sqs.{Region}.amazonaws.com/{Account}/businessops-results" });
        foreach (var variable in job.Request["containerOverrides"]?["environment"] as JsonArray ?? [])
        {
            environment.Add(variable!.DeepClone());
        }

        return new JsonObject
        {
            ["command"] = job.Request["containerOverrides"]?["command"]?.DeepClone(),
            ["environment"] = environment,
            ["resourceRequirements"] = new JsonArray(
                new JsonObject { ["type"] = "VCPU", ["value"] = JobResources.Vcpu },
                new JsonObject { ["type"] = "MEMORY", ["value"] = JobResources.MemoryMiB }),
        };
    }

    private FakeAnswer DescribeQueues(byte[] body)
    {
        if (Parse(body)?["jobQueues"] is not JsonArray names)
        {
            return FakeAnswer.Error(400, "ClientException", "jobQueues must be an array");
        }

        var found = new JsonArray();
        foreach (var name in names.Select(n => QueueName(n!.GetValue<string>())).Where(Queues.Contains))
        {
            var queue = new JsonObject
            {
                ["jobQueueName"] = name,
                ["jobQueueArn"] = $"arn:aws:batch:{Region}:{Account}:job-queue/{name}",
                ["state"] = "ENABLED",
                ["status"] = "VALID",
                ["priority"] = 1,
            };
            if (FairShareQueues.Contains(name))
            {
                queue["schedulingPolicyArn"] = $"arn:aws:batch:{Region}:{Account}:scheduling-policy/{name}-fair-share";
            }

            found.Add(queue);
        }

        return FakeAnswer.Json(200, new JsonObject { ["jobQueues"] = found });
    }

    private FakeAnswer List(byte[] body)
    {
        if (Parse(body) is not { } request || FakeBatchShape.Str(request, "jobQueue") is not { } queueArg)
        {
            return FakeAnswer.Error(400, "ClientException", "jobQueue is required");
        }

        var queue = QueueName(queueArg);
        if (!Queues.Contains(queue))
        {
            return FakeAnswer.Error(400, "ClientException", $"JobQueue {queue} not found.");
        }

        Func<FakeBatchJob, bool> match = j => j.Status == (FakeBatchShape.Str(request, "jobStatus") ?? "RUNNING");
        if (request["filters"] is JsonArray filters)
        {
            if (filters.Count != 1 || filters[0] is not JsonObject filter || FakeBatchShape.Str(filter, "name") != "JOB_NAME"
                || filter["values"] is not JsonArray { Count: 1 } values || values[0]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                return FakeAnswer.Error(400, "ClientException", "filters: exactly one JOB_NAME filter with one value is supported by this fake");
            }

            var wanted = values[0]!.GetValue<string>();
            match = wanted.EndsWith('*')
                ? j => j.JobName.StartsWith(wanted[..^1], StringComparison.OrdinalIgnoreCase)
                : j => string.Equals(j.JobName, wanted, StringComparison.OrdinalIgnoreCase);
        }

        var size = request["maxResults"]?.GetValue<int>() ?? 100;
        var start = int.TryParse(FakeBatchShape.Str(request, "nextToken"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        List<FakeBatchJob> all;
        lock (_gate)
        {
            all = [.. _jobs.Where(j => j.Queue == queue).Where(match).OrderByDescending(j => j.CreatedAt)];
        }

        var page = new JsonArray([.. all.Skip(start).Take(size).Select(j => (JsonNode)new JsonObject
        {
            ["jobArn"] = $"arn:aws:batch:{Region}:{Account}:job/{j.JobId}",
            ["jobId"] = j.JobId,
            ["jobName"] = j.JobName,
            ["createdAt"] = j.CreatedAt.ToUnixTimeMilliseconds(),
            ["status"] = j.Status,
        })]);
        var response = new JsonObject { ["jobSummaryList"] = page };
        if (start + size < all.Count)
        {
            response["nextToken"] = (start + size).ToString(CultureInfo.InvariantCulture);
        }

        return FakeAnswer.Json(200, response);
    }

    private static string QueueName(string queue) => queue.Contains(":job-queue/", StringComparison.Ordinal) ? queue[(queue.LastIndexOf('/') + 1)..] : queue;

    private static JsonObject? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
