/** Implementation helpers. Not exported from the module; not API. */
package io.secagg.core.internal;
