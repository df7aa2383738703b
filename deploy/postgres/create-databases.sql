-- One database per service: each owns its data and its Flyway migrations.
CREATE DATABASE billing_service;
CREATE DATABASE pause_service;
CREATE DATABASE delivery_service;
CREATE DATABASE response_service;
