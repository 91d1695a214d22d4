/**
 * Share one rate budget and one cache of stopped builds among many processes, on Redis: {@link
 * dev.cfbuilds.redis.RedisStore}.
 */
package dev.cfbuilds.redis;
