using System.Text.Json.Serialization;
using BusinessOps.Aws.Batch;
using BusinessOps.Aws.Lambda;

namespace BusinessOps.Aws;

/// <summary>Source-generated JSON for the AWS wire shapes (camelCase, nulls omitted) and the Lambda payload.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SubmitJobRequest))]
[JsonSerializable(typeof(SubmitJobResponse))]
[JsonSerializable(typeof(DescribeJobsRequest))]
[JsonSerializable(typeof(DescribeJobsResponse))]
[JsonSerializable(typeof(ListJobsRequest))]
[JsonSerializable(typeof(ListJobsResponse))]
[JsonSerializable(typeof(DescribeJobQueuesRequest))]
[JsonSerializable(typeof(DescribeJobQueuesResponse))]
[JsonSerializable(typeof(LambdaDispatchPayload))]
[JsonSerializable(typeof(EventInvokeConfig))]
public sealed partial class AwsJson : JsonSerializerContext;
