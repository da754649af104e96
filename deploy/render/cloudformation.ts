/**
 * The hosting definition as a CloudFormation template (deploy/aws/portal.yaml): a private S3
 * bucket read by CloudFront through Origin Access Control; one cache behaviour per prefix of a
 * path class, with that class's cache policy and Response Headers Policy; the pages behaviour
 * runs the viewer-request CloudFront Function (deploy/aws/viewer-request.js) for directory
 * indexes and the trailing-slash redirect. Cache-Control itself travels with each object
 * (deploy/aws/deploy.sh sets it), so that error pages never carry a hashed file's year.
 */
import { Document } from 'yaml';
import { CACHE, NOT_FOUND_PAGE, PATH_CLASSES, type CacheRule, type Headers, type PathClass } from '../hosting.ts';
import { CLOUDFORMATION_TAGS, fnAnd, fnEquals, fnIf, fnNot, getAtt, quotedString, ref, sub } from './cloudformation-yaml.ts';
import { defaultClass, GENERATED_NOTE, headersOf, prefixedClasses } from './classes.ts';

const ORIGIN_ID = 'site-bucket';
/** CloudFront caches an error (a missing file) this long before asking the bucket again. */
const ERROR_CACHING_SECONDS = 60;

const pascal = (id: string) => id.replace(/(^|[-_\s])(\w)/g, (_, __, c: string) => c.toUpperCase());

function cacheRuleName(rule: CacheRule): string {
  const named = Object.entries(CACHE).find(([, r]) => r === rule);
  if (!named) throw new Error('hosting: every path class must use one of the cache rules in CACHE.');
  return named[0];
}

const cachePolicyId = (rule: CacheRule) => `${pascal(cacheRuleName(rule))}CachePolicy`;
/** Classes without headers of their own share the site-wide policy. */
const headersPolicyId = (pathClass: PathClass) => (Object.keys(pathClass.headers).length ? `${pascal(pathClass.id)}ResponseHeadersPolicy` : 'SiteResponseHeadersPolicy');

function cachePolicy(rule: CacheRule) {
  return {
    Type: 'AWS::CloudFront::CachePolicy',
    Properties: {
      CachePolicyConfig: {
        Name: sub(`\${AWS::StackName}-${cacheRuleName(rule)}`),
        Comment: `Browsers get "${rule.cacheControl}" (set on each object); the edge keeps a copy ${rule.edgeSeconds} s`,
        MinTTL: rule.edgeSeconds,
        DefaultTTL: rule.edgeSeconds,
        MaxTTL: rule.edgeSeconds,
        ParametersInCacheKeyAndForwardedToOrigin: {
          EnableAcceptEncodingGzip: true,
          EnableAcceptEncodingBrotli: true,
          CookiesConfig: { CookieBehavior: 'none' },
          HeadersConfig: { HeaderBehavior: 'none' },
          QueryStringsConfig: { QueryStringBehavior: 'none' },
        },
      },
    },
  };
}

const HSTS = /^max-age=(\d+)((?:;\s*includeSubDomains)?)((?:;\s*preload)?)$/i;

/** Puts each header where a Response Headers Policy has a place for it. */
export function responseHeadersPolicyConfig(name: ReturnType<typeof sub>, comment: string, headers: Headers) {
  const security: Record<string, unknown> = {};
  const custom: { Header: string; Value: string; Override: boolean }[] = [];
  let cors: Record<string, unknown> | undefined;
  for (const [header, value] of Object.entries(headers)) {
    switch (header.toLowerCase()) {
      case 'strict-transport-security': {
        const m = HSTS.exec(value);
        if (!m) throw new Error(`hosting: Strict-Transport-Security "${value}" is not of the form CloudFront can send.`);
        security['StrictTransportSecurity'] = { AccessControlMaxAgeSec: Number(m[1]), IncludeSubdomains: Boolean(m[2]), Preload: Boolean(m[3]), Override: true };
        break;
      }
      case 'x-content-type-options':
        if (value !== 'nosniff') throw new Error(`hosting: X-Content-Type-Options can only be nosniff, not "${value}".`);
        security['ContentTypeOptions'] = { Override: true };
        break;
      case 'referrer-policy':
        security['ReferrerPolicy'] = { ReferrerPolicy: value, Override: true };
        break;
      case 'content-security-policy':
        security['ContentSecurityPolicy'] = { ContentSecurityPolicy: value, Override: true };
        break;
      case 'access-control-allow-origin':
        cors = {
          AccessControlAllowOrigins: { Items: [value] },
          AccessControlAllowHeaders: { Items: ['*'] },
          AccessControlAllowMethods: { Items: ['GET', 'HEAD'] },
          AccessControlAllowCredentials: false,
          OriginOverride: true,
        };
        break;
      default:
        custom.push({ Header: header, Value: value, Override: true });
    }
  }
  return {
    Name: name,
    Comment: comment,
    ...(Object.keys(security).length ? { SecurityHeadersConfig: security } : {}),
    ...(custom.length ? { CustomHeadersConfig: { Items: custom } } : {}),
    ...(cors ? { CorsConfig: cors } : {}),
  };
}

function behaviour(pathClass: PathClass) {
  return {
    TargetOriginId: ORIGIN_ID,
    ViewerProtocolPolicy: 'redirect-to-https',
    AllowedMethods: ['GET', 'HEAD'],
    CachedMethods: ['GET', 'HEAD'],
    Compress: true,
    CachePolicyId: ref(cachePolicyId(pathClass.cache)),
    ResponseHeadersPolicyId: ref(headersPolicyId(pathClass)),
  };
}

export function renderCloudFormation(viewerRequestFunction: string, classes: readonly PathClass[] = PATH_CLASSES): string {
  const pages = defaultClass(classes);
  const resources: Record<string, unknown> = {
    SiteBucket: {
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      },
    },
    SiteBucketPolicy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: ref('SiteBucket'),
        PolicyDocument: {
          Version: quotedString('2012-10-17'),
          Statement: [
            {
              Sid: 'OnlyThisDistributionReads',
              Effect: 'Allow',
              Principal: { Service: 'cloudfront.amazonaws.com' },
              Action: 's3:GetObject',
              Resource: sub('${SiteBucket.Arn}/*'),
              Condition: { StringEquals: { 'AWS:SourceArn': sub('arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}') } },
            },
            {
              Sid: 'TlsOnly',
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: [getAtt('SiteBucket.Arn'), sub('${SiteBucket.Arn}/*')],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      },
    },
    OriginAccessControl: {
      Type: 'AWS::CloudFront::OriginAccessControl',
      Properties: {
        OriginAccessControlConfig: {
          Name: sub('${AWS::StackName}-site'),
          Description: 'CloudFront signs its requests to the private bucket',
          OriginAccessControlOriginType: 's3',
          SigningBehavior: 'always',
          SigningProtocol: 'sigv4',
        },
      },
    },
    ViewerRequestFunction: {
      Type: 'AWS::CloudFront::Function',
      Properties: {
        Name: sub('${AWS::StackName}-viewer-request'),
        AutoPublish: true,
        FunctionConfig: { Comment: '/path/ is /path/index.html; /path redirects to /path/', Runtime: 'cloudfront-js-2.0' },
        FunctionCode: viewerRequestFunction,
      },
    },
  };
  for (const rule of new Set(classes.map((c) => c.cache))) resources[cachePolicyId(rule)] = cachePolicy(rule);
  for (const pathClass of classes) {
    const id = headersPolicyId(pathClass);
    if (id in resources) continue;
    const shared = id === 'SiteResponseHeadersPolicy';
    resources[id] = {
      Type: 'AWS::CloudFront::ResponseHeadersPolicy',
      Properties: {
        ResponseHeadersPolicyConfig: responseHeadersPolicyConfig(
          sub(`\${AWS::StackName}-${shared ? 'site' : pathClass.id}-headers`),
          shared ? 'Headers of every response' : `Headers of ${pathClass.description}`,
          headersOf(pathClass),
        ),
      },
    };
  }
  resources['Distribution'] = {
    Type: 'AWS::CloudFront::Distribution',
    Properties: {
      DistributionConfig: {
        Enabled: true,
        Comment: sub('ALA API portal (${AWS::StackName})'),
        HttpVersion: 'http2and3',
        IPV6Enabled: true,
        Aliases: fnIf('HasDomain', [ref('DomainName')], ref('AWS::NoValue')),
        ViewerCertificate: fnIf(
          'HasDomain',
          { AcmCertificateArn: ref('CertificateArn'), SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
          { CloudFrontDefaultCertificate: true },
        ),
        Origins: [
          {
            Id: ORIGIN_ID,
            DomainName: getAtt('SiteBucket.RegionalDomainName'),
            OriginAccessControlId: getAtt('OriginAccessControl.Id'),
            S3OriginConfig: { OriginAccessIdentity: '' },
          },
        ],
        DefaultCacheBehavior: {
          ...behaviour(pages),
          FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: getAtt('ViewerRequestFunction.FunctionARN') }],
        },
        CacheBehaviors: prefixedClasses(classes).flatMap((pathClass) =>
          pathClass.prefixes.map((prefix) => ({ PathPattern: `${prefix}*`, ...behaviour(pathClass) })),
        ),
        // Without s3:ListBucket the bucket answers 403 for a missing file: both are the 404 page.
        CustomErrorResponses: [403, 404].map((code) => ({
          ErrorCode: code,
          ResponseCode: 404,
          ResponsePagePath: NOT_FOUND_PAGE,
          ErrorCachingMinTTL: ERROR_CACHING_SECONDS,
        })),
      },
    },
  };

  const template = {
    AWSTemplateFormatVersion: quotedString('2010-09-09'),
    Description: 'ALA API portal: a private S3 bucket behind CloudFront, with the headers and caching of deploy/hosting.ts',
    Parameters: {
      DomainName: { Type: 'String', Default: '', Description: "The portal's host name, e.g. docs.api.ala.org.au; empty for the distribution's own cloudfront.net name" },
      CertificateArn: {
        Type: 'String',
        Default: '',
        Description: 'ARN of an ACM certificate in us-east-1 for DomainName',
        AllowedPattern: '^(arn:aws[a-zA-Z-]*:acm:us-east-1:\\d{12}:certificate/.+)?$',
        ConstraintDescription: 'must be the ARN of an ACM certificate in us-east-1 (CloudFront uses only those), or empty',
      },
    },
    Rules: {
      CertificateWithDomain: {
        RuleCondition: fnNot(fnEquals(ref('DomainName'), '')),
        Assertions: [{ Assert: fnNot(fnEquals(ref('CertificateArn'), '')), AssertDescription: 'A DomainName needs a CertificateArn' }],
      },
    },
    Conditions: { HasDomain: fnAnd(fnNot(fnEquals(ref('DomainName'), '')), fnNot(fnEquals(ref('CertificateArn'), ''))) },
    Resources: resources,
    Outputs: {
      BucketName: { Value: ref('SiteBucket') },
      DistributionId: { Value: ref('Distribution') },
      DistributionDomainName: { Value: getAtt('Distribution.DomainName') },
      DeployCommand: { Description: 'Publishes a build (run from the repository)', Value: sub('deploy/aws/deploy.sh dist ${SiteBucket} ${Distribution}') },
    },
  };
  const doc = new Document(template, { customTags: CLOUDFORMATION_TAGS });
  doc.commentBefore = [
    ` ${GENERATED_NOTE}`,
    '',
    ' aws cloudformation deploy --template-file deploy/aws/portal.yaml --stack-name ala-api-portal \\',
    '   --parameter-overrides DomainName=docs.api.ala.org.au CertificateArn=<ACM certificate ARN in us-east-1>',
    ' then publish with the DeployCommand output.',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
