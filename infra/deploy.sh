#!/usr/bin/env bash
# Deploys infra/businessops.yml with the aws CLI and prints the repository variables the coordinator needs.
#
#   infra/deploy.sh --org OWNER --repo NAME --image ECR_IMAGE_URI --vpc vpc-… --subnets subnet-a,subnet-b \
#                   [--branch main] [--stack businessops] [--region eu-west-1] [--param Key=Value]…
#                   [--model-key-secret SECRET_ARN [--model-url https://…/v1] [--model-key-kms KEY_ARN]]
#
# Credentials and region come from the usual aws CLI chain (AWS_PROFILE, AWS_REGION, SSO, …).
# See docs/AWS.md for the whole procedure.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly script_dir
readonly template="${script_dir}/businessops.yml"

usage() {
  cat <<'USAGE'
Usage: infra/deploy.sh --org OWNER --repo NAME --image ECR_IMAGE_URI --vpc VPC_ID --subnets SUBNET[,SUBNET…]
                       [--branch BRANCH] [--stack NAME] [--region REGION] [--param Key=Value]… [--dry-run]
                       [--model-key-secret SECRET_ARN [--model-url URL] [--model-key-kms KMS_KEY_ARN]]

  --org       GitHub owner whose repository may assume the coordinator role (GitHubOrg)
  --repo      GitHub repository name (GitHubRepo)
  --image     agent image in ECR, tag or digest (AgentImageUri)
  --vpc       VPC of the Batch Fargate tasks (VpcId)
  --subnets   comma-separated subnets of the Batch Fargate tasks (SubnetIds)
  --branch    the repository's default branch, the only one whose runs may assume the role (default: main)
  --stack     CloudFormation stack name (default: businessops)
  --region    AWS region (default: the aws CLI's configured region)
  --param     any other template parameter, repeatable (e.g. --param LambdaMemory=2048)
  --model-key-secret  full ARN of the Secrets Manager secret holding the language model's API key
              (LanguageModelApiKeySecretArn); the agents on AWS then draft prose when policies/language-model.yml
              names a model. Only the ARN is passed: the key never goes through this script or CloudFormation.
  --model-url the OpenAI-compatible endpoint (LanguageModelBaseUrl, default https://api.openai.com/v1)
  --model-key-kms     the customer managed KMS key of that secret, if any (LanguageModelKmsKeyArn)
  --dry-run   print the aws command instead of running it
USAGE
}

die() {
  echo "deploy.sh: $*" >&2
  exit 2
}

org="" repo="" image="" vpc="" subnets="" branch="main" stack="businessops" region="" dry_run=0
model_secret="" model_url="" model_kms=""
extra=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --org) org="${2:-}"; shift 2 ;;
    --repo) repo="${2:-}"; shift 2 ;;
    --image) image="${2:-}"; shift 2 ;;
    --vpc) vpc="${2:-}"; shift 2 ;;
    --subnets) subnets="${2:-}"; shift 2 ;;
    --branch) branch="${2:-}"; shift 2 ;;
    --stack) stack="${2:-}"; shift 2 ;;
    --region) region="${2:-}"; shift 2 ;;
    --model-key-secret) model_secret="${2:-}"; shift 2 ;;
    --model-url) model_url="${2:-}"; shift 2 ;;
    --model-key-kms) model_kms="${2:-}"; shift 2 ;;
    --param) [[ "${2:-}" == *=* ]] || die "--param needs Key=Value"; extra+=("$2"); shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

[[ -n "$org" ]] || die "--org is required (the GitHub owner)"
[[ -n "$repo" ]] || die "--repo is required (the GitHub repository name)"
[[ -n "$image" ]] || die "--image is required (push infra/agent.Dockerfile to ECR first; see docs/AWS.md)"
[[ -n "$vpc" ]] || die "--vpc is required"
[[ -n "$subnets" ]] || die "--subnets is required"
[[ "$org" =~ ^[A-Za-z0-9][A-Za-z0-9-]*$ ]] || die "--org '$org' is not a GitHub owner name"
[[ "$repo" =~ ^[A-Za-z0-9._-]+$ ]] || die "--repo '$repo' is not a GitHub repository name"
[[ "$branch" =~ ^[A-Za-z0-9._/-]+$ ]] || die "--branch '$branch' is not a branch name"
[[ "$stack" =~ ^[A-Za-z][A-Za-z0-9-]*$ ]] || die "--stack '$stack' is not a valid stack name"
[[ -f "$template" ]] || die "template not found: $template"

# The optional language model: the secret's ARN, never its value (a value here would land in shell history and in
# CloudFormation's parameter list). The template checks the same patterns; these fail before anything is called.
if [[ -n "$model_secret" ]]; then
  [[ "$model_secret" =~ ^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$ ]] \
    || die "--model-key-secret needs the secret's full ARN, with its six-character suffix (aws secretsmanager describe-secret --secret-id NAME --query ARN)"
  extra+=("LanguageModelApiKeySecretArn=$model_secret")
  if [[ -n "$model_url" ]]; then
    [[ "$model_url" =~ ^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$ ]] || die "--model-url '$model_url' is not an https URL"
    extra+=("LanguageModelBaseUrl=$model_url")
  fi
  if [[ -n "$model_kms" ]]; then
    [[ "$model_kms" =~ ^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$ ]] || die "--model-key-kms '$model_kms' is not a KMS key ARN"
    extra+=("LanguageModelKmsKeyArn=$model_kms")
  fi
elif [[ -n "$model_url" || -n "$model_kms" ]]; then
  die "--model-url and --model-key-kms need --model-key-secret (the secret holding the API key)"
fi

aws_cmd=(aws)
if [[ -n "$region" ]]; then
  aws_cmd+=(--region "$region")
fi

deploy=("${aws_cmd[@]}" cloudformation deploy
  --template-file "$template"
  --stack-name "$stack"
  --capabilities CAPABILITY_NAMED_IAM
  --no-fail-on-empty-changeset
  --parameter-overrides
  "GitHubOrg=$org"
  "GitHubRepo=$repo"
  "AgentImageUri=$image"
  "VpcId=$vpc"
  "SubnetIds=$subnets"
  "DefaultBranch=$branch"
  "${extra[@]}")

if [[ "$dry_run" -eq 1 ]]; then
  printf '%q ' "${deploy[@]}"
  printf '\n'
  exit 0
fi

command -v aws >/dev/null 2>&1 || die "the aws CLI is not installed (https://docs.aws.amazon.com/cli/)"
"${aws_cmd[@]}" sts get-caller-identity --query Account --output text >/dev/null \
  || die "no usable AWS credentials; configure the aws CLI first (aws configure / aws sso login)"

echo "Deploying stack '$stack' for $org/$repo …"
"${deploy[@]}"

output() {
  "${aws_cmd[@]}" cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}

role_arn="$(output CoordinatorRoleArn)"
stack_region="$(output Region)"
function_name="$(output AgentFunctionName)"
queue_name="$(output BatchJobQueueName)"
job_definition="$(output BatchJobDefinitionName)"
results_queue="$(output ResultsQueueUrl)"

cat <<EOF_VARS

Stack '$stack' is deployed. Set these repository variables (Settings → Secrets and variables → Actions →
Variables), or with the GitHub CLI:

  gh variable set AWS_ROLE_ARN --repo "$org/$repo" --body "$role_arn"
  gh variable set AWS_REGION --repo "$org/$repo" --body "$stack_region"
  gh variable set BUSINESSOPS_LAMBDA_FUNCTION --repo "$org/$repo" --body "$function_name"
  gh variable set BUSINESSOPS_BATCH_QUEUE --repo "$org/$repo" --body "$queue_name"
  gh variable set BUSINESSOPS_BATCH_JOB_DEFINITION --repo "$org/$repo" --body "$job_definition"
  gh variable set BUSINESSOPS_RESULTS_QUEUE_URL --repo "$org/$repo" --body "$results_queue"
  gh variable set BUSINESSOPS_EXECUTOR --repo "$org/$repo" --body "aws"

None of these is a secret: the role can only be assumed from $org/$repo's workflows on '$branch', and
the agents on AWS hold no GitHub credential (their results come back through the results queue, and the
coordinator writes them as itself). Check the installation with: coordinator doctor
EOF_VARS

if [[ -n "$model_secret" ]]; then
  cat <<EOF_MODEL
The agents on AWS read the language model's key from $model_secret. Tell the coordinator (coordinator doctor
checks that policies/language-model.yml and the stack agree):

  gh variable set BUSINESSOPS_AGENT_MODEL_SECRET_ARN --repo "$org/$repo" --body "$model_secret"
EOF_MODEL
fi
