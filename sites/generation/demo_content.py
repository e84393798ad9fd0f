"""Generation NYC demo content: topics, sample youth profiles and free trips, in plain words for
teens. Facts are public and stable (addresses, train lines, phone lines); anything that
changes (hours, prices) sends readers to the place's website. The profiles are made-up
people, marked as samples on the page."""

TOPIC_INDEX = {
    "title": "Topics",
    "summary": "School, work, money, health and more, in plain words.",
    "intro": "Pick a topic. Each one has tips, free programs, events and places to go.",
    "show_in_menus": True,
}

PROFILE_INDEX = {
    "title": "Inspirations",
    "summary": "Young New Yorkers tell their stories.",
    "intro": "Stories of young New Yorkers: what they do, what helped, and what they tell others. The people shown now are samples.",
    "show_in_menus": True,
}

TRIP_INDEX = {
    "title": "Free trips",
    "summary": "Free places to go in all five boroughs.",
    "intro": "Beaches, parks, museums and a free boat ride. Always check the website for hours before you go.",
    "show_in_menus": True,
}


def _tips(title, *tips):
    return ("tips", {"title": title, "tips": list(tips)})


def _accordion(title, *items):
    return (
        "accordion",
        {"title": title, "items": [{"title": q, "text": f"<p>{a}</p>"} for q, a in items]},
    )


# slug: page fields; "trips" lists the slugs of trips shown on the topic.
TOPICS = {
    "school": {
        "title": "School",
        "icon": "school",
        "summary": "Help with classes, choosing a school and finishing school.",
        "program_categories": "education",
        "body": [
            ("heading", {"text": "You are not on your own"}),
            (
                "paragraph",
                "<p>Every public school has staff who can help you. Ask your school counselor about classes, stress or what to do after high school.</p>",
            ),
            _tips(
                "Quick tips",
                "Write down your homework in one place.",
                "Ask your teacher for help early, not the night before a test.",
                "Find a quiet place to study, like your public library.",
            ),
            _accordion(
                "Questions people ask",
                (
                    "What if I left school?",
                    "You can still earn a high school equivalency diploma. Free classes are offered across the city.",
                ),
                (
                    "Where can I study after school?",
                    "Public libraries are free and open to everyone. Many have teen spaces and free homework help.",
                ),
            ),
            (
                "call_to_action",
                {
                    "text": "Visit NYC Public Schools",
                    "page": None,
                    "url": "https://www.schools.nyc.gov",
                },
            ),
        ],
    },
    "work": {
        "title": "Work",
        "icon": "work",
        "summary": "Find a summer job, get working papers and know your pay.",
        "program_categories": "work",
        "body": [
            ("heading", {"text": "Getting your first job"}),
            (
                "paragraph",
                "<p>If you are 14 to 17, you need working papers before you start a job. Ask your school for them.</p>",
            ),
            (
                "callout",
                {
                    "title": "Summer jobs",
                    "text": "<p>The Summer Youth Employment Program pays New Yorkers ages 14 to 24 for summer work. Applications usually open in the spring.</p>",
                },
            ),
            _tips(
                "Before an interview",
                "Practice saying what you are good at.",
                "Bring a copy of your resume.",
                "Get there 10 minutes early.",
            ),
            _accordion(
                "Your rights at work",
                (
                    "Do I get paid for every hour?",
                    "Yes. You must be paid for every hour you work, even if you are new or in training.",
                ),
                (
                    "Who can I call with a problem at work?",
                    "Call 311. They can connect you with the city office that protects workers.",
                ),
            ),
        ],
    },
    "money": {
        "title": "Money",
        "icon": "money",
        "summary": "Save, open a bank account and get free help with money.",
        "program_categories": "cash-expenses",
        "body": [
            ("heading", {"text": "Make your money work for you"}),
            (
                "paragraph",
                "<p>A bank or credit union account keeps your money safe. Many have accounts for teens that a parent opens with you.</p>",
            ),
            _tips(
                "Money tips",
                "Save a little from every paycheck.",
                "Check your account often.",
                "Never share your PIN or passwords.",
            ),
            (
                "callout",
                {
                    "title": "Free money coaching",
                    "text": "<p>The city’s Financial Empowerment Centers give free, private help with budgets, debt and credit. Call 311 to make an appointment.</p>",
                },
            ),
        ],
    },
    "health": {
        "title": "Health and counseling",
        "icon": "health",
        "summary": "Take care of your body and your mind. Someone is always there to talk.",
        "program_categories": "health",
        "body": [
            (
                "callout",
                {
                    "title": "Need to talk to someone now?",
                    "text": "<p>Call or text 988 any time, day or night. It is free and private.</p>",
                },
            ),
            ("heading", {"text": "Feeling stressed?"}),
            (
                "paragraph",
                "<p>Everyone feels down sometimes. Talking to someone you trust can help. You can talk to a counselor at school, a doctor or a support line.</p>",
            ),
            _tips(
                "Ways to feel better",
                "Get enough sleep.",
                "Move your body every day, even a short walk.",
                "Take breaks from your phone.",
            ),
        ],
    },
    "rights": {
        "title": "Rights and safety",
        "icon": "rights",
        "summary": "Know your rights and how to stay safe.",
        "program_categories": "city-id-card",
        "body": [
            (
                "callout",
                {
                    "title": "In danger right now?",
                    "text": "<p>Call 911.</p>",
                },
            ),
            ("heading", {"text": "Know your rights"}),
            (
                "paragraph",
                "<p>In New York City it is against the law to treat you unfairly at work, in housing or in stores because of your race, religion, gender, sexual orientation or where you come from.</p>",
            ),
            _accordion(
                "Questions people ask",
                (
                    "Where do I report unfair treatment?",
                    "Call 311 and ask for the NYC Commission on Human Rights.",
                ),
                (
                    "Can I get a city ID card?",
                    "Yes. IDNYC is a free ID card for New Yorkers ages 10 and up, whatever your immigration status.",
                ),
            ),
        ],
    },
    "fun": {
        "title": "Fun and free",
        "icon": "fun",
        "summary": "Free things to do: parks, beaches, museums and more.",
        "program_categories": "enrichment",
        "body": [
            ("heading", {"text": "Have fun for free"}),
            (
                "paragraph",
                "<p>The city is full of free places to go. A library card is free and gets you books, movies and events.</p>",
            ),
            _tips(
                "Save money on fun",
                "Get a free IDNYC card. It comes with free memberships at many museums and zoos.",
                "Look for free hours at museums.",
                "Pack food and water for a day trip.",
            ),
        ],
        "trips": ["staten-island-ferry", "high-line", "brooklyn-bridge-park", "bronx-museum"],
    },
    "lgbtq": {
        "title": "LGBTQ+ support",
        "icon": "pride",
        "summary": "Support, safe spaces and people who get it.",
        "program_categories": "health",
        "body": [
            ("heading", {"text": "You belong here"}),
            (
                "paragraph",
                "<p>You deserve to be safe and respected as who you are. There are people and places in the city ready to help.</p>",
            ),
            (
                "callout",
                {
                    "title": "Talk to someone",
                    "text": "<p>The Trevor Project helps LGBTQ+ young people 24 hours a day. Call 1-866-488-7386.</p>",
                },
            ),
            _tips(
                "Finding support",
                "Ask your school if it has a club for LGBTQ+ students and allies.",
                "Look for teen programs at community centers.",
                "Call 311 if you need a safe place to stay.",
            ),
        ],
    },
    "housing": {
        "title": "Housing",
        "icon": "home",
        "summary": "A safe place to stay, and help if you are about to lose one.",
        "program_categories": "housing",
        "body": [
            ("heading", {"text": "Need a place to stay tonight?"}),
            (
                "paragraph",
                "<p>If you are 14 to 24 and have no safe place to sleep, the city has drop-in centers for young people. Call 311 and ask for youth drop-in centers.</p>",
            ),
            _accordion(
                "Questions people ask",
                (
                    "Do I need my parents’ permission?",
                    "Staff at drop-in centers will talk with you about your choices. You can call 311 any time.",
                ),
                (
                    "What if my family might lose our home?",
                    "Call 311 and ask about help to stay in your home. Free legal help may be available.",
                ),
            ),
        ],
    },
}

TOPIC_TRANSLATIONS = {
    "school": {
        "es": {
            "School": "Escuela",
            "Help with classes, choosing a school and finishing school.": "Ayuda con las clases, para elegir escuela y para terminar la escuela.",
            "You are not on your own": "No estás solo",
            "Every public school has staff who can help you. Ask your school counselor about classes, stress or what to do after high school.": "Cada escuela pública tiene personal que puede ayudarte. Pregúntale a tu consejero escolar sobre las clases, el estrés o qué hacer después de la secundaria.",
            "Quick tips": "Consejos rápidos",
            "Write down your homework in one place.": "Anota tu tarea en un solo lugar.",
            "Ask your teacher for help early, not the night before a test.": "Pide ayuda a tu maestro a tiempo, no la noche antes de un examen.",
            "Find a quiet place to study, like your public library.": "Busca un lugar tranquilo para estudiar, como tu biblioteca pública.",
            "Questions people ask": "Preguntas frecuentes",
            "What if I left school?": "¿Y si dejé la escuela?",
            "You can still earn a high school equivalency diploma. Free classes are offered across the city.": "Todavía puedes obtener un diploma de equivalencia de la secundaria. Hay clases gratis en toda la ciudad.",
            "Where can I study after school?": "¿Dónde puedo estudiar después de clases?",
            "Public libraries are free and open to everyone. Many have teen spaces and free homework help.": "Las bibliotecas públicas son gratis y abiertas a todos. Muchas tienen espacios para adolescentes y ayuda gratis con la tarea.",
            "Visit NYC Public Schools": "Visita las Escuelas Públicas de NYC",
        },
        "ar": {
            "School": "المدرسة",
            "Help with classes, choosing a school and finishing school.": "مساعدة في الدروس، واختيار المدرسة، وإنهاء الدراسة.",
            "You are not on your own": "لست وحدك",
            "Every public school has staff who can help you. Ask your school counselor about classes, stress or what to do after high school.": "في كل مدرسة حكومية موظفون يمكنهم مساعدتك. اسأل المرشد في مدرستك عن الدروس أو الضغط النفسي أو ما تفعله بعد المدرسة الثانوية.",
            "Quick tips": "نصائح سريعة",
            "Write down your homework in one place.": "اكتب واجباتك في مكان واحد.",
            "Ask your teacher for help early, not the night before a test.": "اطلب المساعدة من معلمك مبكرًا، لا في الليلة التي تسبق الاختبار.",
            "Find a quiet place to study, like your public library.": "ابحث عن مكان هادئ للدراسة، مثل المكتبة العامة.",
            "Questions people ask": "أسئلة شائعة",
            "What if I left school?": "ماذا لو تركت المدرسة؟",
            "You can still earn a high school equivalency diploma. Free classes are offered across the city.": "ما زال بإمكانك الحصول على شهادة معادلة للثانوية العامة. توجد دروس مجانية في كل أنحاء المدينة.",
            "Where can I study after school?": "أين يمكنني الدراسة بعد المدرسة؟",
            "Public libraries are free and open to everyone. Many have teen spaces and free homework help.": "المكتبات العامة مجانية ومفتوحة للجميع. في كثير منها أماكن للمراهقين ومساعدة مجانية في الواجبات.",
            "Visit NYC Public Schools": "زُر موقع مدارس نيويورك العامة",
        },
    },
    "health": {
        "es": {
            "Health and counseling": "Salud y consejería",
            "Take care of your body and your mind. Someone is always there to talk.": "Cuida tu cuerpo y tu mente. Siempre hay alguien con quien hablar.",
            "Need to talk to someone now?": "¿Necesitas hablar con alguien ahora?",
            "Call or text 988 any time, day or night. It is free and private.": "Llama o envía un mensaje de texto al 988 a cualquier hora, de día o de noche. Es gratis y privado.",
            "Feeling stressed?": "¿Te sientes estresado?",
            "Everyone feels down sometimes. Talking to someone you trust can help. You can talk to a counselor at school, a doctor or a support line.": "Todos nos sentimos mal a veces. Hablar con alguien de confianza puede ayudar. Puedes hablar con un consejero en la escuela, un médico o una línea de apoyo.",
            "Ways to feel better": "Formas de sentirte mejor",
            "Get enough sleep.": "Duerme lo suficiente.",
            "Move your body every day, even a short walk.": "Mueve tu cuerpo todos los días, aunque sea una caminata corta.",
            "Take breaks from your phone.": "Toma descansos del teléfono.",
        },
        "ar": {
            "Health and counseling": "الصحة والإرشاد النفسي",
            "Take care of your body and your mind. Someone is always there to talk.": "اعتنِ بجسمك وعقلك. هناك دائمًا من يستمع إليك.",
            "Need to talk to someone now?": "هل تحتاج إلى التحدث مع شخص الآن؟",
            "Call or text 988 any time, day or night. It is free and private.": "اتصل أو أرسل رسالة نصية إلى الرقم 988 في أي وقت، ليلًا أو نهارًا. الخدمة مجانية وسرية.",
            "Feeling stressed?": "هل تشعر بالضغط؟",
            "Everyone feels down sometimes. Talking to someone you trust can help. You can talk to a counselor at school, a doctor or a support line.": "كل شخص يشعر بالحزن أحيانًا. التحدث مع شخص تثق به قد يساعدك. يمكنك التحدث مع مرشد في المدرسة أو طبيب أو خط دعم.",
            "Ways to feel better": "طرق لتشعر بتحسن",
            "Get enough sleep.": "نم بما يكفي.",
            "Move your body every day, even a short walk.": "حرّك جسمك كل يوم، ولو بمشي قصير.",
            "Take breaks from your phone.": "خذ فترات راحة من هاتفك.",
        },
    },
}

SAMPLE = "Sample profile: a made-up person, to show what a real story will look like."

# slug: fields; "topics" and "related" are slugs of topics and other profiles.
PROFILES = {
    "maya": {
        "first_name": "Maya",
        "surname": "Rivera",
        "age": 16,
        "borough": "bronx",
        "neighbourhood": "Mott Haven",
        "country_of_origin": "Dominican Republic",
        "intro": f"{SAMPLE} Maya writes poems and reads them at open mics at her library.",
        "pull_quote": "My library felt like a second home.",
        "body": [
            (
                "question_answer",
                {
                    "question": "How did you start writing?",
                    "answer": "<p>A teacher gave me a notebook in 8th grade. I filled it in a month.</p>",
                },
            ),
            (
                "question_answer",
                {
                    "question": "What would you tell someone who is shy?",
                    "answer": "<p>Start small. Read one poem to one friend. Then try a bigger room.</p>",
                },
            ),
        ],
        "topics": ["school", "fun"],
        "related": ["imran"],
    },
    "imran": {
        "first_name": "Imran",
        "age": 17,
        "borough": "queens",
        "neighbourhood": "Jamaica",
        "country_of_origin": "Bangladesh",
        "intro": f"{SAMPLE} Imran got his first summer job through the city and now saves part of every paycheck.",
        "pull_quote": "My first paycheck made me feel grown up.",
        "body": [
            (
                "question_answer",
                {
                    "question": "What was your first job?",
                    "answer": "<p>I helped at a day camp in my neighborhood park. I learned to be on time and to lead a group.</p>",
                },
            ),
            (
                "question_answer",
                {
                    "question": "What do you do with your money?",
                    "answer": "<p>I save some, give some to my family and keep a little for fun.</p>",
                },
            ),
        ],
        "topics": ["work", "money"],
        "related": ["maya", "kwame"],
    },
    "kwame": {
        "first_name": "Kwame",
        "surname": "Mensah",
        "age": 19,
        "borough": "brooklyn",
        "neighbourhood": "Flatbush",
        "country_of_origin": "Ghana",
        "intro": f"{SAMPLE} Kwame studies nursing at a city college and works part time.",
        "pull_quote": "Asking for help is a skill, not a weakness.",
        "body": [
            (
                "question_answer",
                {
                    "question": "What helped you most?",
                    "answer": "<p>Talking to a counselor when I felt stressed in my first year of college.</p>",
                },
            ),
            (
                "question_answer",
                {
                    "question": "What is next for you?",
                    "answer": "<p>I want to work as a nurse in the hospital where I was born.</p>",
                },
            ),
        ],
        "topics": ["health", "school"],
        "related": ["imran"],
    },
    "luz": {
        "first_name": "Luz",
        "age": 15,
        "borough": "manhattan",
        "neighbourhood": "Washington Heights",
        "country_of_origin": "Mexico",
        "intro": f"{SAMPLE} Luz started a club at school for LGBTQ+ students and their friends.",
        "pull_quote": "Nobody should have to eat lunch alone.",
        "body": [
            (
                "question_answer",
                {
                    "question": "Why did you start the club?",
                    "answer": "<p>I wanted a place where everyone could be themselves. Now we meet every week.</p>",
                },
            ),
            (
                "question_answer",
                {
                    "question": "How did you get started?",
                    "answer": "<p>I asked a teacher to be our adviser. Then we made posters.</p>",
                },
            ),
        ],
        "topics": ["lgbtq", "school"],
        "related": ["maya"],
    },
    "wei": {
        "first_name": "Wei",
        "surname": "Chen",
        "age": 21,
        "borough": "staten-island",
        "neighbourhood": "St. George",
        "country_of_origin": "China",
        "intro": f"{SAMPLE} Wei takes photos of free places around the city and shares them with friends.",
        "pull_quote": "The best view of the city costs nothing. Take the ferry.",
        "body": [
            (
                "question_answer",
                {
                    "question": "What is your favorite free trip?",
                    "answer": "<p>The Staten Island Ferry at sunset. You can see the Statue of Liberty.</p>",
                },
            ),
            (
                "question_answer",
                {
                    "question": "Any advice?",
                    "answer": "<p>Pack a snack and a charged phone. And check the website before you go.</p>",
                },
            ),
        ],
        "topics": ["fun"],
        "related": ["kwame"],
    },
    "jean": {
        "first_name": "Jean",
        "age": 23,
        "borough": "brooklyn",
        "neighbourhood": "East Flatbush",
        "country_of_origin": "Haiti",
        "intro": f"{SAMPLE} Jean found a safe place to stay through a youth drop-in center and now helps others do the same.",
        "pull_quote": "One phone call to 311 changed my year.",
        "body": [
            (
                "question_answer",
                {
                    "question": "What happened?",
                    "answer": "<p>At 19 I had nowhere to sleep. A drop-in center gave me a meal, a shower and a plan.</p>",
                },
            ),
            (
                "question_answer",
                {
                    "question": "What do you do now?",
                    "answer": "<p>I work as a peer mentor. I tell young people that help is real.</p>",
                },
            ),
        ],
        "topics": ["housing", "rights"],
        "related": ["wei"],
    },
}

CHECK_HOURS = "Check the website for hours before you go."

TRIPS = {
    "staten-island-ferry": {
        "title": "Staten Island Ferry",
        "trip_type": "this-week",
        "summary": "A free boat ride with a great view of the Statue of Liberty.",
        "intro": "The ferry between Manhattan and Staten Island is always free. The ride takes about 25 minutes each way.",
        "body": [
            ("heading", {"text": "What to see"}),
            (
                "paragraph",
                "<p>Stand on the right side on the way to Staten Island for the best view of the Statue of Liberty and the harbor.</p>",
            ),
        ],
        "website": "https://www.siferry.com",
        "opening_hours": f"Runs 24 hours a day, every day. {CHECK_HOURS}",
        "cost": "Free",
        "subway": "In Manhattan: 1 train to South Ferry, or R and W trains to Whitehall St.",
        "bus": "In Staten Island, many buses stop at St. George Terminal.",
        "address": "St. George Terminal, 1 Bay Street",
        "borough": "staten-island",
        "ages": "All ages",
        "season": "Year-round",
    },
    "snug-harbor": {
        "title": "Snug Harbor",
        "trip_type": "day-trip",
        "summary": "Old buildings, gardens and open lawns near the ferry.",
        "intro": "Snug Harbor Cultural Center and Botanical Garden is a big campus of gardens and historic buildings. Walking the grounds is free.",
        "website": "https://snug-harbor.org",
        "opening_hours": CHECK_HOURS,
        "cost": "Free to walk the grounds. Some gardens and shows cost money.",
        "bus": "S40 bus from the St. George Ferry Terminal.",
        "address": "1000 Richmond Terrace",
        "borough": "staten-island",
        "ages": "All ages",
        "season": "Year-round",
    },
    "greenbelt": {
        "title": "Staten Island Greenbelt",
        "trip_type": "day-trip",
        "summary": "Miles of forest trails in the middle of the city.",
        "intro": "The Greenbelt is a huge natural area with trails through the woods. Bring water and good shoes.",
        "website": "https://sigreenbelt.org",
        "opening_hours": CHECK_HOURS,
        "cost": "Free",
        "getting_there": "Take a bus from the St. George Ferry Terminal. Use the MTA trip planner to find the best route.",
        "address": "High Rock Park, 200 Nevada Avenue",
        "borough": "staten-island",
        "ages": "All ages",
        "season": "Year-round",
    },
    "high-line": {
        "title": "The High Line",
        "trip_type": "this-week",
        "summary": "A park on an old train line, high above the street.",
        "intro": "The High Line is a long, narrow park built on old elevated train tracks, with art and plants all along the way.",
        "website": "https://www.thehighline.org",
        "opening_hours": CHECK_HOURS,
        "cost": "Free",
        "subway": "A, C, E and L trains to 14 St–8 Av.",
        "bus": "M11, M14",
        "address": "Gansevoort Street and Washington Street",
        "borough": "manhattan",
        "ages": "All ages",
        "season": "Year-round",
    },
    "library": {
        "title": "New York Public Library main building",
        "trip_type": "day-trip",
        "summary": "A famous library with free exhibits and a giant reading room.",
        "intro": "The Stephen A. Schwarzman Building is the big library with the stone lions. Entry and exhibits are free.",
        "website": "https://www.nypl.org",
        "opening_hours": CHECK_HOURS,
        "cost": "Free",
        "subway": "B, D, F and M trains to 42 St–Bryant Park, or the 7 train to 5 Av.",
        "address": "476 Fifth Avenue",
        "borough": "manhattan",
        "ages": "All ages",
        "season": "Year-round",
    },
    "central-park": {
        "title": "Central Park",
        "trip_type": "day-trip",
        "summary": "Lakes, lawns, rocks to climb and free concerts in summer.",
        "intro": "Central Park runs from 59th Street to 110th Street. Walk, bike, people-watch or bring a picnic.",
        "website": "https://www.centralparknyc.org",
        "opening_hours": CHECK_HOURS,
        "cost": "Free",
        "subway": "A, B, C, D and 1 trains to 59 St–Columbus Circle.",
        "address": "59th Street to 110th Street, between Fifth Avenue and Central Park West",
        "borough": "manhattan",
        "ages": "All ages",
        "season": "Year-round",
    },
    "brooklyn-bridge-park": {
        "title": "Brooklyn Bridge Park",
        "trip_type": "this-week",
        "summary": "Piers, lawns and views of the Manhattan skyline.",
        "intro": "Brooklyn Bridge Park stretches along the water under the Brooklyn Bridge. There are sports courts, lawns and great views.",
        "website": "https://www.brooklynbridgepark.org",
        "opening_hours": CHECK_HOURS,
        "cost": "Free",
        "subway": "2 and 3 trains to Clark St, or A and C trains to High St.",
        "bus": "B63",
        "address": "334 Furman Street",
        "borough": "brooklyn",
        "ages": "All ages",
        "season": "Year-round",
    },
    "prospect-park": {
        "title": "Prospect Park",
        "trip_type": "day-trip",
        "summary": "A big park with a lake, woods and free summer shows.",
        "intro": "Prospect Park has a lake, a long meadow and trails through the woods. It is a great place for a picnic.",
        "website": "https://www.prospectpark.org",
        "opening_hours": CHECK_HOURS,
        "cost": "Free",
        "subway": "2 and 3 trains to Grand Army Plaza, or B and Q trains to Prospect Park.",
        "address": "Grand Army Plaza entrance",
        "borough": "brooklyn",
        "ages": "All ages",
        "season": "Year-round",
    },
    "coney-island": {
        "title": "Coney Island beach and boardwalk",
        "trip_type": "day-trip",
        "summary": "A free beach and a famous boardwalk at the end of the subway.",
        "intro": "The beach and boardwalk are free. Swim only when lifeguards are on duty, in beach season.",
        "website": "https://www.nycgovparks.org",
        "opening_hours": f"Beach season runs in summer. {CHECK_HOURS}",
        "cost": "Free. Rides cost money.",
        "subway": "D, F, N and Q trains to Coney Island–Stillwell Av.",
        "address": "Riegelmann Boardwalk",
        "borough": "brooklyn",
        "ages": "All ages",
        "season": "Best in summer",
    },
    "flushing-meadows": {
        "title": "Flushing Meadows Corona Park",
        "trip_type": "day-trip",
        "summary": "See the giant steel globe and ride a bike around the lakes.",
        "intro": "This big park is home to the Unisphere, the giant steel globe, and lots of space to play.",
        "website": "https://www.nycgovparks.org",
        "opening_hours": CHECK_HOURS,
        "cost": "Free",
        "subway": "7 train to Mets–Willets Point.",
        "address": "Flushing Meadows Corona Park",
        "borough": "queens",
        "ages": "All ages",
        "season": "Year-round",
    },
    "rockaway-beach": {
        "title": "Rockaway Beach",
        "trip_type": "day-trip",
        "summary": "A long free beach with a boardwalk and surfing.",
        "intro": "Rockaway Beach is one of the city’s biggest beaches. Swim only when lifeguards are on duty.",
        "website": "https://www.nycgovparks.org",
        "opening_hours": f"Beach season runs in summer. {CHECK_HOURS}",
        "cost": "Free",
        "subway": "A train, or the Rockaway Park Shuttle (S), to any Beach stop.",
        "address": "Rockaway Beach Boardwalk",
        "borough": "queens",
        "ages": "All ages",
        "season": "Best in summer",
    },
    "socrates": {
        "title": "Socrates Sculpture Park",
        "trip_type": "this-week",
        "summary": "Big outdoor art by the river, with free events.",
        "intro": "Socrates Sculpture Park is an outdoor museum by the East River. Artists show large works you can walk around.",
        "website": "https://socratessculpturepark.org",
        "opening_hours": CHECK_HOURS,
        "cost": "Free",
        "subway": "N and W trains to Broadway, then walk toward the river.",
        "bus": "Q103, Q104",
        "address": "32-01 Vernon Boulevard",
        "borough": "queens",
        "ages": "All ages",
        "season": "Year-round",
    },
    "bronx-museum": {
        "title": "The Bronx Museum of the Arts",
        "trip_type": "this-week",
        "summary": "A free art museum on the Grand Concourse.",
        "intro": "The Bronx Museum shows art by artists from the Bronx and around the world. Entry is free.",
        "website": "https://www.bronxmuseum.org",
        "opening_hours": CHECK_HOURS,
        "cost": "Free",
        "subway": "B and D trains to 167 St, or the 4 train to 161 St–Yankee Stadium.",
        "address": "1040 Grand Concourse",
        "borough": "bronx",
        "ages": "All ages",
        "season": "Year-round",
    },
    "orchard-beach": {
        "title": "Orchard Beach",
        "trip_type": "day-trip",
        "summary": "The Bronx’s own beach, in the city’s biggest park.",
        "intro": "Orchard Beach is in Pelham Bay Park. Swim only when lifeguards are on duty, in beach season.",
        "website": "https://www.nycgovparks.org",
        "opening_hours": f"Beach season runs in summer. {CHECK_HOURS}",
        "cost": "Free",
        "subway": "6 train to Pelham Bay Park.",
        "bus": "Bx29 from Pelham Bay Park station.",
        "address": "Pelham Bay Park",
        "borough": "bronx",
        "ages": "All ages",
        "season": "Best in summer",
    },
    "wave-hill": {
        "title": "Wave Hill",
        "trip_type": "day-trip",
        "summary": "Gardens above the Hudson River, with free hours.",
        "intro": "Wave Hill is a public garden with views of the Hudson River and the Palisades. It has free hours each week.",
        "website": "https://www.wavehill.org",
        "opening_hours": CHECK_HOURS,
        "cost": "Free at some hours. Check the website for free hours.",
        "is_free": False,
        "subway": "1 train to 231 St, then the Bx7 or Bx10 bus.",
        "bus": "Bx7, Bx10",
        "address": "4900 Independence Avenue",
        "borough": "bronx",
        "ages": "All ages",
        "season": "Year-round",
    },
}

FEATURED_TOPICS = ["school", "work", "money", "health", "fun", "lgbtq"]
FEATURED_PROFILE = "imran"
