/** Not API: how the REST client reads answers and problems. May change without notice. */
package dev.gamingapi.sdk.rest.internal;
