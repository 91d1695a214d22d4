/**
 * Implement the client: request fan-out, retries, response mapping and input checks. Not API: the
 * types here are public only because {@code dev.cfbuilds.client} uses them across packages, and may
 * change or go away in any release. Call {@code dev.cfbuilds.client.CloudflareBuildsClient}
 * instead.
 */
package dev.cfbuilds.client.internal;
