/** The signed URLs this service hands out: provider callback URLs and output download URLs. */
@NullMarked
package com.aimedia.gateway.workers.urls;

import org.jspecify.annotations.NullMarked;
