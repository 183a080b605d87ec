// The AWS SDK for JavaScript's SQS client against an endpoint: proves the fake SQS (and so the coordinator's own
// client, tested against the same fake) speaks the protocol real clients speak, signatures and checksums included.
//
//   node sqs-contract.mjs ENDPOINT QUEUE_URL send BODY      prints {"messageId":…}
//   node sqs-contract.mjs ENDPOINT QUEUE_URL receive        prints {"messages":[{body, attributes}]} and deletes them
//   node sqs-contract.mjs ENDPOINT QUEUE_URL attributes     prints {"attributes":{…}}
// Credentials and region come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION.
import {
  SQSClient, SendMessageCommand, ReceiveMessageCommand, DeleteMessageCommand, GetQueueAttributesCommand,
} from "@aws-sdk/client-sqs";

const [endpoint, queueUrl, action, body] = process.argv.slice(2);
const client = new SQSClient({ endpoint, region: process.env.AWS_REGION, maxAttempts: 1 });

if (action === "send") {
  const sent = await client.send(new SendMessageCommand({
    QueueUrl: queueUrl,
    MessageBody: body,
    MessageAttributes: { "businessops-source": { DataType: "String", StringValue: "batch" } },
  }));
  console.log(JSON.stringify({ messageId: sent.MessageId }));
} else if (action === "receive") {
  // The same parameters as the coordinator's long poll, so the two requests can be compared field by field.
  const received = await client.send(new ReceiveMessageCommand({
    QueueUrl: queueUrl,
    MaxNumberOfMessages: 10,
    WaitTimeSeconds: 0,
    VisibilityTimeout: 300,
    MessageSystemAttributeNames: ["ApproximateReceiveCount", "SentTimestamp"],
    MessageAttributeNames: ["All"],
  }));
  const messages = received.Messages ?? [];
  for (const m of messages) {
    await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
  }
  console.log(JSON.stringify({ messages: messages.map((m) => ({ body: m.Body, attributes: m.MessageAttributes ?? {} })) }));
} else if (action === "attributes") {
  const got = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }));
  console.log(JSON.stringify({ attributes: got.Attributes }));
} else {
  console.error(`unknown action ${action}`);
  process.exit(2);
}
