CREATE TABLE "account_item_codes" (
	"account_id" integer NOT NULL,
	"item_code" text NOT NULL,
	"sku_id" integer NOT NULL,
	CONSTRAINT "account_item_codes_account_id_item_code_pk" PRIMARY KEY("account_id","item_code")
);
--> statement-breakpoint
CREATE TABLE "import_errors" (
	"job_id" integer NOT NULL,
	"row" integer NOT NULL,
	"column" text NOT NULL,
	"value" text,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"account_id" integer,
	"profile_id" integer,
	"status" text DEFAULT 'queued' NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"file_size" bigint NOT NULL,
	"mapping" jsonb,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_applied" integer DEFAULT 0 NOT NULL,
	"rows_unchanged" integer DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"message" text,
	"date_from" date,
	"date_to" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"undone_at" timestamp with time zone,
	"undone_by" integer
);
--> statement-breakpoint
CREATE TABLE "import_profiles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_profiles_name_key" UNIQUE("account_id","kind","name")
);
--> statement-breakpoint
CREATE TABLE "import_superseded" (
	"job_id" integer NOT NULL,
	"kind" text NOT NULL,
	"row" jsonb NOT NULL,
	"previous_import_id" integer
);
--> statement-breakpoint
CREATE TABLE "inventory" (
	"store_id" integer NOT NULL,
	"date" date NOT NULL,
	"sku_id" integer NOT NULL,
	"on_hand" integer NOT NULL,
	"import_id" integer,
	CONSTRAINT "inventory_store_id_date_sku_id_pk" PRIMARY KEY("store_id","date","sku_id")
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"store_id" integer NOT NULL,
	"sku_id" integer NOT NULL,
	"listed_on" date NOT NULL,
	"delisted_on" date,
	CONSTRAINT "listings_store_id_sku_id_pk" PRIMARY KEY("store_id","sku_id")
);
--> statement-breakpoint
CREATE TABLE "sales_store_day" (
	"store_id" integer NOT NULL,
	"date" date NOT NULL,
	"units" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"weekend_units" bigint NOT NULL,
	"weekend_amount_fen" bigint NOT NULL,
	CONSTRAINT "sales_store_day_store_id_date_pk" PRIMARY KEY("store_id","date")
);
--> statement-breakpoint
CREATE TABLE "sales_store_month" (
	"store_id" integer NOT NULL,
	"month" date NOT NULL,
	"units" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"weekend_units" bigint NOT NULL,
	"weekend_amount_fen" bigint NOT NULL,
	CONSTRAINT "sales_store_month_store_id_month_pk" PRIMARY KEY("store_id","month")
);
--> statement-breakpoint
CREATE TABLE "sales_store_sku_month" (
	"store_id" integer NOT NULL,
	"month" date NOT NULL,
	"sku_id" integer NOT NULL,
	"units" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"weekend_units" bigint NOT NULL,
	"weekend_amount_fen" bigint NOT NULL,
	"days_sold" integer NOT NULL,
	CONSTRAINT "sales_store_sku_month_store_id_month_sku_id_pk" PRIMARY KEY("store_id","month","sku_id")
);
--> statement-breakpoint
CREATE TABLE "sales_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sales_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"month" date NOT NULL,
	"scope" text NOT NULL,
	"account_id" integer,
	"store_id" integer,
	"user_id" integer,
	"org_unit_id" integer,
	"amount_fen" bigint NOT NULL,
	"units" integer,
	"import_id" integer,
	CONSTRAINT "sales_targets_key" UNIQUE NULLS NOT DISTINCT("scope","account_id","store_id","user_id","org_unit_id","month"),
	CONSTRAINT "sales_targets_first_of_month" CHECK (extract(day from "sales_targets"."month") = 1)
);
--> statement-breakpoint
CREATE TABLE "sell_in" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sell_in_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"store_id" integer,
	"sku_id" integer NOT NULL,
	"date" date NOT NULL,
	"invoice_no" text NOT NULL,
	"units" integer NOT NULL,
	"price_fen" integer,
	"amount_fen" bigint NOT NULL,
	"import_id" integer,
	CONSTRAINT "sell_in_line_key" UNIQUE NULLS NOT DISTINCT("account_id","invoice_no","sku_id","store_id")
);
--> statement-breakpoint
CREATE TABLE "sell_out" (
	"store_id" integer NOT NULL,
	"date" date NOT NULL,
	"sku_id" integer NOT NULL,
	"units" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"import_id" integer,
	CONSTRAINT "sell_out_store_id_date_sku_id_pk" PRIMARY KEY("store_id","date","sku_id")
);
--> statement-breakpoint
CREATE TABLE "skus" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skus_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"barcode" text,
	"name" text NOT NULL,
	"brand" text NOT NULL,
	"is_own" boolean DEFAULT true NOT NULL,
	"competitor_company" text,
	"category" text NOT NULL,
	"flavour" text,
	"pack_size" text,
	"unit" text,
	"case_pack" integer,
	"list_price_fen" integer,
	"floor_price_fen" integer,
	"retail_price_fen" integer,
	"standard_cost_fen" integer,
	"shelf_life_days" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"launched_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skus_code_unique" UNIQUE("code"),
	CONSTRAINT "skus_barcode_unique" UNIQUE("barcode")
);
--> statement-breakpoint
CREATE TABLE "supply_settings" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"lead_time_days" integer DEFAULT 3 NOT NULL,
	"review_period_days" integer DEFAULT 7 NOT NULL,
	"safety_days" integer DEFAULT 3 NOT NULL,
	"average_window_days" integer DEFAULT 28 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_item_codes" ADD CONSTRAINT "account_item_codes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_item_codes" ADD CONSTRAINT "account_item_codes_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_profile_id_import_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."import_profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_profiles" ADD CONSTRAINT "import_profiles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_superseded" ADD CONSTRAINT "import_superseded_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sell_in" ADD CONSTRAINT "sell_in_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sell_in" ADD CONSTRAINT "sell_in_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sell_in" ADD CONSTRAINT "sell_in_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_settings" ADD CONSTRAINT "supply_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_item_codes_sku_idx" ON "account_item_codes" USING btree ("sku_id");--> statement-breakpoint
CREATE INDEX "import_errors_job_idx" ON "import_errors" USING btree ("job_id","row");--> statement-breakpoint
CREATE INDEX "import_jobs_created_idx" ON "import_jobs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "import_jobs_hash_idx" ON "import_jobs" USING btree ("file_hash");--> statement-breakpoint
CREATE INDEX "import_superseded_job_idx" ON "import_superseded" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "import_superseded_prev_idx" ON "import_superseded" USING btree ("previous_import_id");--> statement-breakpoint
CREATE INDEX "listings_sku_idx" ON "listings" USING btree ("sku_id");--> statement-breakpoint
CREATE INDEX "sell_in_account_date_idx" ON "sell_in" USING btree ("account_id","date");--> statement-breakpoint
CREATE INDEX "sell_in_store_date_idx" ON "sell_in" USING btree ("store_id","date");--> statement-breakpoint
CREATE INDEX "skus_brand_idx" ON "skus" USING btree ("brand");--> statement-breakpoint
CREATE INDEX "skus_category_idx" ON "skus" USING btree ("category");