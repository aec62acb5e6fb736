package com.aimedia.gateway.api.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AdminConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AdminConfiguration.class);

    private final AdminProperties properties;

    AdminConfiguration(AdminProperties properties) {
        this.properties = properties;
        if (properties.token() == null) {
            log.info("admin API off: GATEWAY_API_ADMIN_TOKEN is not set");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminTokenInterceptor(properties)).addPathPatterns(AdminController.BASE + "/**");
    }

}
