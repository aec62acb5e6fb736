/** The signed URLs this service hands out to providers: provider callback URLs. */
@NullMarked
package com.aimedia.gateway.workers.urls;

import org.jspecify.annotations.NullMarked;
